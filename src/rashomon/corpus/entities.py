"""Link an article's entities to the corpus's canonical entities, incrementally.

A document entity joins a stored entity of the same type group when they
share a strong key (gazetteer id, normalised name or alias, transliteration
skeleton). A one-word person name ("Putin") joins the only stored person
with that surname; a full name joins the only stored one-word entity that
is its surname, and gives it its full name.
"""

from __future__ import annotations

from rashomon.entities.names import is_shouted, is_single_name, name_key, surname_key
from rashomon.entities.resolve import TYPE_GROUPS
from rashomon.model import DocEntity
from rashomon.store.sqlite import EntityMatch, Store


def _compatible(match: EntityMatch, entity: DocEntity) -> bool:
    return TYPE_GROUPS.get(match.type) == TYPE_GROUPS[entity.type]


def _find(store: Store, entity: DocEntity) -> EntityMatch | None:
    for key in entity.keys:
        if key.startswith("surname:"):
            continue
        matches = [m for m in store.entities_with_key(key) if _compatible(m, entity)]
        if matches:
            return matches[0]
    if entity.type != "PERSON":
        return None
    surname = surname_key(entity.name)
    if is_single_name(entity.name):
        people = store.entities_with_key(f"surname:{surname}")
        return people[0] if len(people) == 1 else None
    short_forms = [m for m in store.entities_with_key(f"name:per:{surname}") if is_single_name(m.name)]
    return short_forms[0] if len(short_forms) == 1 else None


def _better_name(entity: DocEntity, match: EntityMatch) -> bool:
    """A full person name beats a surname; normal case beats a dateline's capitals."""
    if entity.type == "PERSON" and is_single_name(match.name) and not is_single_name(entity.name):
        return True
    return is_shouted(match.name) and not is_shouted(entity.name)


def link_entity(store: Store, entity: DocEntity, *, article_id: str) -> str:
    """Return the corpus id for ``entity``, creating or enriching a stored entity."""
    match = _find(store, entity)
    aliases = [entity.name, *entity.aliases]
    if match is None:
        entity_id = entity.id
        suffix = 1
        while store.entity_exists(entity_id):
            entity_id = f"{entity.id}-{suffix}"
            suffix += 1
        store.insert_entity(entity_id, name=entity.name, entity_type=entity.type, country=entity.country)
    else:
        entity_id = match.id
        if _better_name(entity, match):
            store.update_entity(entity_id, name=entity.name)
            aliases.append(match.name)
        store.update_entity(entity_id, country=entity.country)
    canonical = (
        entity.name if match is None or (is_single_name(match.name) and not is_single_name(entity.name)) else match.name
    )
    keep = [alias for alias in dict.fromkeys(aliases) if name_key(alias) != name_key(canonical) or alias != canonical]
    keep = [alias for alias in keep if alias != canonical]
    store.add_entity_facts(entity_id, keys=entity.keys, aliases=keep, roles=entity.roles, article_id=article_id)
    return entity_id
