"""A story's events merged across its articles by who did what to whom."""

from dataclasses import replace

from rashomon.model import Actor, Event, TextSpan
from rashomon.store.events import StoredEvent
from rashomon.stories.reported import reported_events


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
    ])  # fmt: skip
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
