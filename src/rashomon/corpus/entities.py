"""Link an article's entities to the corpus's canonical entities, incrementally.

A document entity joins a stored entity of the same type group when they
share a strong key (gazetteer id, normalised name or alias, transliteration
skeleton). Surnames are weak evidence and handled apart: a one-word person
name ("Putin") joins the stored person with that surname when there is one,
or one far more mentioned than any other; a full name joins a stored
surname-only entity and gives it its full name.

The model types one name two ways across articles: Staffan de Mistura is a person in one report
and an organisation in the next, Amnesty an organisation and then a person. A name of two or more
words that a stored person or organisation already bears joins it whichever of the two the model
said, and the stored entity takes the type its articles give it with the more mentions.
"""

from __future__ import annotations

from collections import Counter

from rashomon.entities.names import is_shouted, is_single_name, name_key, surname_key
from rashomon.entities.resolve import CONFUSED_TYPES, TYPE_GROUPS, type_of_mentions
from rashomon.model import DocEntity
from rashomon.store.sqlite import EntityMatch, Store

# A surname goes to the most mentioned bearer only when it has this many times
# the mentions of the next one; otherwise it stays unlinked rather than guess.
DOMINANCE = 3


def _compatible(match: EntityMatch, entity: DocEntity) -> bool:
    return TYPE_GROUPS.get(match.type) == TYPE_GROUPS[entity.type]


def _by_strong_key(store: Store, entity: DocEntity) -> EntityMatch | None:
    for key in entity.keys:
        if key.startswith("surname:"):
            continue
        matches = [m for m in store.entities_with_key(key) if _compatible(m, entity)]
        if matches:
            return matches[0]
    return None


def _by_name_of_other_type(store: Store, entity: DocEntity) -> EntityMatch | None:
    """A stored person of the organisation's full name, or a stored organisation of the person's."""
    other = CONFUSED_TYPES.get(entity.type)
    if other is None or entity.gazetteer_id is not None:
        return None
    for form in (entity.name, *entity.aliases):
        if is_single_name(form):
            continue  # "Ford" the carmaker, Ford the man: a single word is too weak
        key = f"name:{TYPE_GROUPS[other]}:{name_key(form)}"
        matches = [m for m in store.entities_with_key(key) if m.type == other]
        if matches:
            return matches[0]
    return None


def _settled_type(store: Store, match: EntityMatch, entity: DocEntity) -> str | None:
    """The type the stored entity's articles, this one included, give it with the more mentions, when
    it is not the stored type (which wins a tie). Each article gives the type its own mentions say,
    once per mention: where the model took Staffan de Mistura for a person it linked his surname
    mentions to him too, while an organisation of that name is named once and not again."""
    votes: Counter[str] = Counter()
    for labelled in store.labelled_mentions(match.id).values():
        votes[type_of_mentions(labelled)] += len(labelled)
    votes[entity.type] += len(entity.mentions)
    tally = {kind: votes.get(kind, 0) for kind in (match.type, CONFUSED_TYPES[match.type])}
    winner = max(tally, key=lambda kind: (tally[kind], kind == match.type))
    return winner if winner != match.type else None


def _bearer_of_surname(store: Store, surname: str) -> EntityMatch | None:
    people = store.entities_with_key(f"surname:{surname}")
    if len(people) <= 1:
        return people[0] if people else None
    ranked = sorted(people, key=lambda m: store.mention_count(m.id), reverse=True)
    first, second = store.mention_count(ranked[0].id), store.mention_count(ranked[1].id)
    return ranked[0] if first >= DOMINANCE * max(second, 1) else None


def _find(store: Store, entity: DocEntity) -> EntityMatch | None:
    if entity.type == "PERSON" and is_single_name(entity.name):
        return _bearer_of_surname(store, surname_key(entity.name) or "") or _by_strong_key(store, entity)
    found = _by_strong_key(store, entity) or _by_name_of_other_type(store, entity)
    if found is not None or entity.type != "PERSON":
        return found
    short_forms = [m for m in store.entities_with_key(f"name:per:{surname_key(entity.name)}") if is_single_name(m.name)]
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
    keys = list(entity.keys)
    if match is None:
        entity_id = entity.id
        suffix = 1
        while store.entity_exists(entity_id):
            entity_id = f"{entity.id}-{suffix}"
            suffix += 1
        store.insert_entity(entity_id, name=entity.name, entity_type=entity.type, country=entity.country)
        canonical = entity.name
    else:
        entity_id = match.id
        canonical = match.name
        if TYPE_GROUPS.get(match.type) != TYPE_GROUPS[entity.type]:
            store.update_entity(entity_id, entity_type=_settled_type(store, match, entity))
        if _better_name(entity, match):
            store.update_entity(entity_id, name=entity.name)
            aliases.append(match.name)
            canonical = entity.name
        elif entity.type == "PERSON" and is_single_name(entity.name) and not is_single_name(match.name):
            # A surname joined a full name: it must not become a strong key of that person.
            keys = [key for key in keys if key != f"name:per:{name_key(entity.name)}"]
        store.update_entity(entity_id, country=entity.country)
    keep = [alias for alias in dict.fromkeys(aliases) if alias != canonical]
    store.add_entity_facts(entity_id, keys=keys, aliases=keep, roles=entity.roles, article_id=article_id)
    return entity_id
