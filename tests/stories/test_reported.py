"""A story's events merged across its articles by who did what to whom."""

from dataclasses import replace

from rashomon.model import Actor, Event, TextSpan
from rashomon.store.events import StoredEvent
from rashomon.stories.reported import load_verb_families, reported_events, verb_stem


def _told(article: str, outlet: str, kind: str, trigger: str, source=None, target=None, negated=False) -> StoredEvent:  # type: ignore[no-untyped-def]
    event = Event(
        f"v{article}{trigger}", kind, None, None, "051", 1, 3.4, source, target, negated, "asserted",
        TextSpan(0, len(trigger)), trigger, TextSpan(0, 40),
    )  # fmt: skip
    return StoredEvent(event, article, outlet, "2017-03-16")


def _actor(name: str, entity: str | None = None) -> Actor:
    return Actor(0, len(name), name, entity, name, None, None)


def test_tellings_of_one_act_by_several_outlets_come_first_and_spellings_of_a_name_merge():
    ayrault = _actor("Jean-Marc Ayrault", "c-ayrault")
    rutte, rutte_short = _actor("Mark Rutte", "c-rutte"), _actor("Rutte", "c-rutte")
    told = reported_events([
        _told("a1", "BBC", "SUPPORT", "congratulated", ayrault, rutte),
        _told("a2", "DW", "SUPPORT", "praised", ayrault, rutte_short),
        _told("a3", "CNN", "SUPPORT", "congratulated", ayrault, rutte),
        _told("a3", "CNN", "CONSULT", "phoned", _actor("Angela Merkel", "c-merkel"), rutte),
        _told("a4", "RTÉ", "SUPPORT", "congratulated", ayrault, rutte, negated=True),
        _told("a5", "ABC News", "ASSAULT", "injured", None, _actor("Eight people")),
        _told("a6", "Al Jazeera", "ASSAULT", "injured", None, _actor("eight  people")),
        _told("a6", "Al Jazeera", "ACCUSE", "allowed"),  # no one named: not an act a reader can follow
        _told("a6", "Al Jazeera", "ASSAULT", "shelled", replace(_actor("Aleppo", "c-aleppo"), implied=True)),
    ], load_verb_families())  # fmt: skip
    first = told[0]
    assert (first.type, first.source, first.target, first.trigger) == (
        "SUPPORT",
        "Jean-Marc Ayrault",
        "Mark Rutte",
        "congratulated",
    )
    assert first.outlets == ("BBC", "DW", "CNN") and not first.negated
    assert told[1].target == "Eight people" and told[1].outlets == ("ABC News", "Al Jazeera")
    assert sorted((t.type, t.negated, len(t.outlets)) for t in told[2:]) == [
        ("CONSULT", False, 1),
        ("SUPPORT", True, 1),
    ]


def test_with_one_side_unnamed_tellings_join_only_on_the_same_verb_or_a_verb_of_its_family():
    trump, sturgeon = _actor("Donald Trump", "c-trump"), _actor("Nicola Sturgeon", "c-sturgeon")
    protesters = _actor("protesters in Moscow")
    told = reported_events([
        _told("a1", "Al Jazeera", "AGREE", "agreed", trump),
        _told("a2", "RTÉ", "AGREE", "agreed", trump),
        _told("a3", "ABC News", "AGREE", "sign", trump),  # another act by the same man: apart
        _told("a4", "HuffPost", "AGREE", "proposing", trump),
        _told("a5", "BBC", "CONSULT", "held talks", sturgeon),
        _told("a6", "RTÉ", "CONSULT", "meeting", sturgeon),
        _told("a7", "HuffPost", "CONSULT", "met", sturgeon),
        _told("a8", "Al Jazeera", "COERCE", "arrested", None, protesters),
        _told("a9", "CNN", "COERCE", "detained", None, protesters),
    ], load_verb_families())  # fmt: skip
    widely = {(t.type, t.trigger): t.outlets for t in told if len(t.outlets) > 1}
    assert widely == {
        ("CONSULT", "held talks"): ("BBC", "RTÉ", "HuffPost"),
        ("AGREE", "agreed"): ("Al Jazeera", "RTÉ"),
        ("COERCE", "arrested"): ("Al Jazeera", "CNN"),
    }
    assert sorted(t.trigger for t in told if len(t.outlets) == 1) == ["proposing", "sign"]


def test_with_both_sides_named_the_verb_does_not_matter():
    kushner, gorkov = _actor("Jared Kushner", "c-kushner"), _actor("Sergey Gorkov", "c-gorkov")
    told = reported_events(
        [
            _told("a1", "CNN", "CONSULT", "met with", kushner, gorkov),
            _told("a2", "RTÉ", "CONSULT", "spoke to", kushner, gorkov),
        ],
        load_verb_families(),
    )
    assert [t.outlets for t in told] == [("CNN", "RTÉ")]


def test_a_verb_stem_is_shared_by_its_regular_inflections_only():
    stems = {
        word: verb_stem(word)
        for word in "agree agreed agrees agreeing stopped stop press pressed denies denied".split()
    }
    assert stems["agree"] == stems["agreed"] == stems["agrees"] == stems["agreeing"]
    assert stems["stop"] == stems["stopped"] and stems["press"] == stems["pressed"]
    assert stems["denies"] == stems["denied"] == verb_stem("not deny")
    assert verb_stem("held talks") != verb_stem("hold talks")  # irregular: the families table joins them
    assert load_verb_families().predicate("held talks") == load_verb_families().predicate("hold talks")
