"""The evaluation command: score the suites, compare with the pinned floors."""

from __future__ import annotations

import csv
import io
import json
import platform
from dataclasses import dataclass
from pathlib import Path

from rashomon import __version__
from rashomon.entities.resolve import resolve_entities
from rashomon.eval.events import load_petrarch, load_plover_gold, score_petrarch, score_plover
from rashomon.model import Event

EVENT_SUITE = "events"
TIME_SUITE = "time"
GEO_SUITE = "geo"
QUOTE_SUITE = "quotes"
ASK_SUITE = "ask"
STORY_SUITE = "stories"
FRAMING_SUITE = "framing"
SUITES = {
    EVENT_SUITE: "events",
    TIME_SUITE: "time",
    GEO_SUITE: "geo",
    QUOTE_SUITE: "quotes",
    ASK_SUITE: "../corpora/fakes_syria",
    STORY_SUITE: "../corpora/ecbplus",
    FRAMING_SUITE: "framing",
}  # suite -> folder under ../shared/eval


@dataclass(frozen=True)
class FloorBreach:
    metric: str
    floor: float
    measured: float

    def __str__(self) -> str:
        return f"{self.metric}: {self.measured:.4f} is below the floor {self.floor:.4f}"


def _header(suite: str, pipeline: object) -> dict[str, object]:
    """What every results file starts with: the suite, and the software and model that scored."""
    provenance = pipeline.provenance  # type: ignore[attr-defined]
    return {
        "suite": suite,
        "rashomon": __version__,
        "model": f"{provenance.model_name} {provenance.model_version}",
        "python": platform.python_version(),
    }


def event_scores(shared: Path, engine: object) -> dict[str, object]:
    """Scores of the event coder on the PLOVER and PETRARCH-2 gold files under ``shared``."""
    pipeline = engine.pipeline  # type: ignore[attr-defined]
    tables = engine.tables  # type: ignore[attr-defined]
    coder = engine.coder  # type: ignore[attr-defined]

    def code(text: str) -> tuple[Event, ...]:
        doc = pipeline.nlp(text)
        return coder.code(
            doc, resolve_entities(doc, tables=tables, gazetteer=pipeline.gazetteer, known_people=pipeline.known_people)
        )

    folder = shared / "eval" / "events"
    return {
        **_header(EVENT_SUITE, pipeline),
        "plover_gsr": score_plover(load_plover_gold(folder / "PLOVER_GSR_CAMEO.txt"), code),
        "petrarch2_validation": score_petrarch(load_petrarch(folder / "PETR2_GSR_validation.xml"), code),
    }


def time_scores(shared: Path, engine: object) -> dict[str, object]:
    """Temporal expressions on TBAQ (TimeBank + AQUAINT), TempEval-3 style."""
    from rashomon.eval.time import score_timeml
    from rashomon.eval.timeml import read_timeml
    from rashomon.timex.extract import find_times

    pipeline = engine.pipeline  # type: ignore[attr-defined]
    paths = sorted((shared / "eval" / "time" / "TBAQ-cleaned").glob("*/*.tml"))
    documents = [read_timeml(path) for path in paths]
    return {
        **_header(TIME_SUITE, pipeline),
        "tbaq": score_timeml(
            documents, lambda document: find_times(pipeline.nlp(document.text), anchor=document.creation)
        ),
    }


def geo_scores(shared: Path, engine: object) -> dict[str, object]:
    """Toponym recognition and resolution on GeoWebNews; focus country on CLIFF's hand-coded articles."""
    from rashomon.eval.geo import read_cliff_focus, read_geowebnews, score_focus, score_geowebnews
    from rashomon.geo.build import iso3_by_iso2
    from rashomon.geo.focus import find_focus
    from rashomon.geo.recognize import find_toponyms
    from rashomon.geo.resolve import resolve_toponyms
    from rashomon.model import Focus, PlaceMention

    pipeline = engine.pipeline  # type: ignore[attr-defined]
    gazetteer = engine.gazetteer  # type: ignore[attr-defined]

    def places(text: str) -> tuple[PlaceMention, ...]:
        return resolve_toponyms(text, find_toponyms(pipeline.nlp(text), gazetteer), gazetteer)

    def focus(text: str) -> Focus:
        return find_focus(places(text), gazetteer)

    alpha2 = {iso3: iso2 for iso2, iso3 in iso3_by_iso2().items()}
    folder = shared / "eval" / "geo"
    return {
        **_header(GEO_SUITE, pipeline),
        "geowebnews": score_geowebnews(read_geowebnews(folder / "GWN.xml"), places),
        "cliff_focus": score_focus(read_cliff_focus(folder / "cliff-focus"), focus, alpha2.get),
    }


def quote_scores(shared: Path, engine: object) -> dict[str, object]:
    """Attributions on PolNeAR's dev split: content, speaker and cue."""
    from rashomon.eval.quotes import read_polnear, score_polnear
    from rashomon.model import Quote
    from rashomon.quotes.extract import find_quotes

    pipeline = engine.pipeline  # type: ignore[attr-defined]
    tables = engine.tables  # type: ignore[attr-defined]
    cues = engine.cues  # type: ignore[attr-defined]

    def quotes(text: str) -> tuple[Quote, ...]:
        doc = pipeline.nlp(text)
        entities = resolve_entities(
            doc, tables=tables, gazetteer=pipeline.gazetteer, known_people=pipeline.known_people
        )
        return find_quotes(doc, entities, cues=cues)

    return {
        **_header(QUOTE_SUITE, pipeline),
        "polnear_dev": score_polnear(read_polnear(shared / "eval" / "quotes" / "PolNeAR" / "data" / "dev"), quotes),
    }


def ask_scores(shared: Path, engine: object, *, questions: Path) -> dict[str, object]:
    """`ask` on the project's question set, over a fresh store of the seeds, FA-KES and (when it can
    be fetched) the NewsArticles Syria subset."""
    import tempfile

    from rashomon.ask.answer import ask
    from rashomon.config import Settings, default_cache_dir
    from rashomon.demo import news_articles_syria
    from rashomon.errors import RashomonError
    from rashomon.eval.ask import read_questions, score_ask
    from rashomon.service import ingest_paths
    from rashomon.store.sqlite import Store

    pipeline = engine.pipeline  # type: ignore[attr-defined]
    encoder = engine.encoder  # type: ignore[attr-defined]
    inputs = [str(shared / "seeds"), str(shared / "corpora" / "fakes_syria" / "fakes.csv")]
    try:
        inputs.append(str(news_articles_syria(default_cache_dir())))
        corpus = "seeds + FA-KES + NewsArticles (Syria)"
    except RashomonError as exc:
        corpus = f"seeds + FA-KES (NewsArticles not fetched: {exc})"
    asked = [q for q in read_questions(questions) if q.corpus != "newsarticles" or "NewsArticles (Syria)" in corpus]
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(db_path=Path(folder) / "ask.db")
        with Store.open(settings.db_path) as store:
            ingest_paths(inputs, settings=settings, engine=engine, store=store)  # type: ignore[arg-type]
            scores = score_ask(asked, lambda question: ask(store, question, encoder=encoder))
    return {
        **_header(ASK_SUITE, pipeline),
        "corpus": corpus,
        "questions": str(questions),
        "ask": scores,
    }


def story_scores(shared: Path, engine: object) -> dict[str, object]:
    """Story grouping on the ECB+ dev topics: every document ingested into a fresh store, grouped the
    way `rashomon ingest` groups them, and compared with the gold sub-topics (one event each)."""
    import json
    import tempfile

    from rashomon.config import Settings
    from rashomon.eval.stories import score_clusters
    from rashomon.ingest.records import FieldMap
    from rashomon.service import ingest_paths
    from rashomon.store.sqlite import Store

    pipeline = engine.pipeline  # type: ignore[attr-defined]
    corpus = shared / "corpora" / "ecbplus" / "ecbplus_dev_topics_1-35.jsonl"
    gold_by_line = {
        number: json.loads(line)["subtopic"]
        for number, line in enumerate(corpus.read_text(encoding="utf-8").splitlines(), start=1)
        if line.strip()
    }
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(db_path=Path(folder) / "stories.db")
        with Store.open(settings.db_path) as store:
            ingest_paths([str(corpus)], settings=settings, engine=engine, store=store, fields=FieldMap(id="doc"))  # type: ignore[arg-type]
            predicted: dict[str, object] = {}
            for article in store.articles():
                story = store.story_of(article.id)
                for source in store.sources_of(article.id):
                    if source.line is not None:
                        predicted[str(source.line)] = story
    gold = {str(line): label for line, label in gold_by_line.items()}
    return {
        **_header(STORY_SUITE, pipeline),
        "ecbplus_dev": score_clusters(gold, predicted),
        "fakes_same_day_place": _fakes_grouping(shared, engine),
    }


def _fakes_grouping(shared: Path, engine: object) -> dict[str, object]:
    """FA-KES ingested as it ships; its same-day, same-place reports from different outlets should share a story."""
    import tempfile

    from rashomon.config import Settings
    from rashomon.eval.stories import same_event_pair_recall
    from rashomon.ingest.encoding import decode_bytes
    from rashomon.service import ingest_paths
    from rashomon.store.sqlite import Store

    corpus = shared / "corpora" / "fakes_syria" / "fakes.csv"
    text = decode_bytes(corpus.read_bytes()).text
    rows = list(csv.DictReader(io.StringIO(text)))
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(db_path=Path(folder) / "fakes.db")
        with Store.open(settings.db_path) as store:
            ingest_paths([str(corpus)], settings=settings, engine=engine, store=store)  # type: ignore[arg-type]
            by_title: dict[str, str] = {}
            for article in store.articles():
                by_title.setdefault(" ".join((article.title or "").split())[:60], article.id)
            groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
            for row in rows:
                article_id = by_title.get(" ".join(row["article_title"].split())[:60])
                if article_id is not None:
                    groups.setdefault((row["date"], row["location"]), []).append((article_id, row["source"]))
            story_of = {
                article_id: store.story_of(article_id) for members in groups.values() for article_id, _ in members
            }
    return dict(same_event_pair_recall(groups, story_of))


def framing_scores(shared: Path, engine: object) -> dict[str, object]:
    """The shipped sentence classifiers on held-out framing gold, and headline/body stance on FNC-1."""
    import numpy as np

    from rashomon.compare.classifier import feature_matrix, load_classifier, load_reported_speech, subjectivity_labels
    from rashomon.compare.lexicon import load_loaded_lexicon
    from rashomon.eval.framing import babe_held_out, macro_f1, read_babe, read_checkthat, score_loaded_words
    from rashomon.eval.stance import pair_signals, read_fnc, score_fnc

    encoder = engine.encoder  # type: ignore[attr-defined]
    lexicon = load_loaded_lexicon()
    folder = shared / "eval" / "framing"

    def features_of(texts: list[str]) -> np.ndarray:
        return feature_matrix(texts, encoder.encode(texts), lexicon)

    checkthat = read_checkthat(folder / "checkthat2025-task1-subjectivity" / "dev_test_en.tsv")
    texts = [s.text for s in checkthat]
    subjectivity, speech = load_classifier("subjectivity"), load_reported_speech()
    babe = [s for s in read_babe(folder / "BABE" / "final_labels_SG2.csv") if babe_held_out(s)]
    pairs, bodies = read_fnc(shared / "eval" / "stance" / "fnc-1")
    return {
        **_header(FRAMING_SUITE, engine.pipeline),  # type: ignore[attr-defined]
        "checkthat_subjectivity_dev_test": {
            "sentences": len(checkthat),
            **macro_f1(
                [s.label for s in checkthat], subjectivity_labels(subjectivity, features_of(texts), texts, speech)
            ),
        },
        "babe_held_out": {
            "sentences": len(babe),
            **macro_f1([s.label for s in babe], load_classifier("bias").labels(features_of([s.text for s in babe]))),
        },
        "babe_held_out_loaded_words": score_loaded_words(babe, lexicon),
        "fnc1_competition_test": score_fnc(pairs, pair_signals(pairs, bodies, encoder)),
    }


def flatten(scores: dict[str, object], prefix: str = "") -> dict[str, float]:
    """``{"plover_gsr.type_accuracy": 0.84, ...}`` for every numeric leaf except counts and per-type rows."""
    flat: dict[str, float] = {}
    for key, value in scores.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and key not in {
            "per_type",
            "confusions",
            "value_misses_by_gold_type",
            "f1_per_class",
        }:
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, float):
            flat[name] = value
    return flat


def check_floors(scores: dict[str, object], floors_path: Path) -> list[FloorBreach]:
    """Every pinned floor the scores fall below."""
    floors = json.loads(floors_path.read_text(encoding="utf-8"))
    measured = flatten(scores)
    breaches = []
    for metric, floor in floors.get(str(scores["suite"]), {}).items():
        value = measured.get(metric)
        if value is None or value < floor:
            breaches.append(FloorBreach(metric, float(floor), value if value is not None else float("nan")))
    return breaches


def format_scores(scores: dict[str, object]) -> str:
    if scores["suite"] == STORY_SUITE:
        ecb = scores["ecbplus_dev"]
        assert isinstance(ecb, dict)
        return (
            f"ECB+ dev topics ({ecb['items']} documents, {ecb['gold_clusters']} events, {ecb['predicted_clusters']} stories): "
            f"B3 P {ecb['bcubed_precision']:.3f} R {ecb['bcubed_recall']:.3f} F1 {ecb['bcubed_f1']:.3f}; "
            f"pairwise P {ecb['pairwise_precision']:.3f} R {ecb['pairwise_recall']:.3f} F1 {ecb['pairwise_f1']:.3f}\n"
            f"FA-KES: {scores['fakes_same_day_place']['pair_recall']:.3f} of {scores['fakes_same_day_place']['pairs']} "  # type: ignore[index]
            "cross-outlet same-day, same-place pairs share a story"
        )
    if scores["suite"] == FRAMING_SUITE:
        subj, babe, loaded, fnc = (
            scores["checkthat_subjectivity_dev_test"],
            scores["babe_held_out"],
            scores["babe_held_out_loaded_words"],
            scores["fnc1_competition_test"],
        )
        assert isinstance(subj, dict) and isinstance(babe, dict) and isinstance(loaded, dict) and isinstance(fnc, dict)
        return (
            f"CheckThat! 2025 subjectivity dev-test ({subj['sentences']} sentences): macro-F1 {subj['macro_f1']:.3f}\n"
            f"BABE held-out fifth ({babe['sentences']} sentences): macro-F1 {babe['macro_f1']:.3f}\n"
            f"  loaded words: {loaded['terms_found']} found, {loaded['term_precision']:.3f} of them marked biased by "
            f"the annotators; sentences with one {loaded['biased_share_with_a_find']:.3f} biased "
            f"(all sentences {loaded['biased_share_overall']:.3f}); marked words found {loaded['marked_word_recall']:.3f}\n"
            f"FNC-1 competition test ({fnc['pairs_scored']} pairs scored): weighted score {fnc['weighted_score']:.3f}, "
            f"related/unrelated accuracy {fnc['related_accuracy']:.3f}"
        )
    if scores["suite"] == ASK_SUITE:
        result = scores["ask"]
        assert isinstance(result, dict)
        return (
            f"ask ({result['questions']} questions, {result['unanswerable']} unanswerable, {scores['corpus']}): "
            f"recall@3 {result['recall_at_3']:.3f}, refusals {result['refusal_accuracy']:.3f}, "
            f"answered {result['answered_share']:.3f}"
        )
    if scores["suite"] == QUOTE_SUITE:
        pol = scores["polnear_dev"]
        assert isinstance(pol, dict)
        low, high = pol["content_overlap_0.3"], pol["content_overlap_0.8"]
        return (
            f"PolNeAR dev ({pol['documents']} articles, {pol['gold']} attributions, {pol['predicted']} found): "
            f"content F1 {low['f1']:.3f} at overlap 0.3 (P {low['precision']:.3f} R {low['recall']:.3f}), "
            f"{high['f1']:.3f} at 0.8; speaker {pol['speaker_accuracy']:.3f}, cue {pol['cue_accuracy']:.3f}, "
            f"direct-quote recall {pol['direct_quote_recall']:.3f} ({pol['direct_gold']} direct)"
        )
    if scores["suite"] == GEO_SUITE:
        gwn, focus = scores["geowebnews"], scores["cliff_focus"]
        assert isinstance(gwn, dict) and isinstance(focus, dict)
        rec, res = gwn["recognition"], gwn["resolution"]
        return (
            f"GeoWebNews ({gwn['documents']} articles, {gwn['gold_toponyms']} resolvable toponyms): recognition "
            f"P {rec['precision']:.3f} R {rec['recall']:.3f} F1 {rec['f1']:.3f}; resolution Acc@161km "
            f"{res['accuracy_161km']:.3f}, mean error {res['mean_error_km']} km, median {res['median_error_km']} km\n"
            f"CLIFF focus ({focus['documents']} articles): country accuracy {focus['country_accuracy']:.3f}"
        )
    if scores["suite"] == TIME_SUITE:
        tbaq = scores["tbaq"]
        assert isinstance(tbaq, dict)
        return (
            f"TBAQ ({tbaq['documents']} documents, {tbaq['gold']} TIMEX3): "
            f"strict F1 {tbaq['strict']['f1']:.3f}, relaxed F1 {tbaq['relaxed']['f1']:.3f}, "
            f"value F1 {tbaq['value']['f1']:.3f}, type accuracy {tbaq['type_accuracy']:.3f}"
        )
    plover = scores["plover_gsr"]
    petrarch = scores["petrarch2_validation"]
    assert isinstance(plover, dict) and isinstance(petrarch, dict)
    lines = [
        f"PLOVER gold records ({plover['records']}): type {plover['type_accuracy']:.3f}, "
        f"source country {plover['source_country_accuracy']:.3f}, target country {plover['target_country_accuracy']:.3f}, "
        f"exact {plover['exact_match']:.3f}",
        "| PLOVER type | n | type accuracy | exact match |",
        "|---|---:|---:|---:|",
    ]
    for name, row in plover["per_type"].items():
        lines.append(f"| {name} | {row['n']} | {row['type_accuracy']:.3f} | {row['exact_match']:.3f} |")
    lines.append(
        f"PETRARCH-2 validation ({petrarch['codings']} codings in {petrarch['sentences']} sentences): "
        f"CAMEO root agreement {petrarch['root_agreement']:.3f} (main event only {petrarch['main_event_root_agreement']:.3f})"
    )
    return "\n".join(lines)
