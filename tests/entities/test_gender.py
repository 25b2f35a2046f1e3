"""What an article tells of its people's sex, for agreeing "he" and "she" with them."""

from rashomon.entities.gender import agrees, load_gender_cues, person_sexes
from rashomon.model import DocEntity, Mention, Role


def _person(text: str, name: str, *, aliases: tuple[str, ...] = (), roles: tuple[Role, ...] = ()) -> DocEntity:
    mentions = []
    for form in (name, *aliases):
        start = text.index(form) if form == name else text.rindex(form)
        mentions.append(Mention(start, start + len(form), form, "PERSON", 0))
    return DocEntity(name.lower(), name, "PERSON", aliases, tuple(mentions), (name.lower(),), roles=roles)


def test_an_honorific_outweighs_the_given_name_and_titles_and_given_names_speak_when_it_is_absent():
    text = (
        "Nicola Brandt spoke first. Mr Brandt said the plan was sound. Spokeswoman Jo Lane agreed. Theresa Ruiz left."
    )
    brandt = _person(text, "Nicola Brandt", aliases=("Brandt",))
    lane = _person(text, "Jo Lane", roles=(Role("spokeswoman"),))
    ruiz = _person(text, "Theresa Ruiz")
    unknown = _person(text, "Lane")
    sexes = person_sexes(text, [brandt, lane, ruiz], load_gender_cues())
    assert sexes == {"nicola brandt": "m", "jo lane": "f", "theresa ruiz": "f"}
    assert not agrees("she", brandt.id, sexes) and agrees("he", brandt.id, sexes)
    assert agrees("she", unknown.id, sexes) and agrees("he", unknown.id, sexes)  # nothing known: either
    assert agrees("they", brandt.id, sexes) and agrees("she", None, sexes)


def test_evidence_that_says_both_says_nothing():
    text = "Mr Sato arrived. Ms Sato left."
    sato = DocEntity(
        "sato",
        "Sato",
        "PERSON",
        (),
        (Mention(3, 7, "Sato", "PERSON", 0), Mention(20, 24, "Sato", "PERSON", 1)),
        ("sato",),
    )
    assert person_sexes(text, [sato], load_gender_cues()) == {}
