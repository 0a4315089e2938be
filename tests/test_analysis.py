"""The discourse analyzer: output contract, context rules on made-up articles, bad input, harness."""

import subprocess
import sys
from pathlib import Path

import pytest

from quizzes.analysis import AnalyzedPassage, analyze
from quizzes.analysis.evaluation import GoldSentence, article_pairs, evaluate, judge, score
from quizzes.labels import CORE_LABEL_IDS, LABEL_IDS
from quizzes.segmentation import segment

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "quizzes" / "seed" / "article.txt"


def labels_of(text: str) -> dict[str, str]:
    """Sentence text -> label."""
    return {text[p.start:p.end]: p.label for p in analyze(text)}


def assert_labels(text: str, expected: dict[str, str]) -> None:
    labels = labels_of(text)
    assert {sentence: labels.get(sentence) for sentence in expected} == expected


# --- contract -------------------------------------------------------------------------------

def test_passages_follow_the_segmenter_and_carry_valid_labels_confidences_and_cues():
    text = SEED.read_text(encoding="utf-8")
    passages = analyze(text)
    assert [(p.start, p.end) for p in passages] == [(s.start, s.end) for s in segment(text)]
    for passage in passages:
        assert passage.label in LABEL_IDS
        assert 0.0 <= passage.confidence <= 1.0
        assert passage.cues, f"no cue explains {text[passage.start:passage.end]!r}"
        for cue in passage.cues:
            assert 0 <= cue.start <= cue.end <= len(text)
            assert cue.reason.strip()


def test_as_dict_has_exactly_the_json_fields():
    passage = analyze("Prices rose 3% in May, according to official figures.")[0]
    data = passage.as_dict()
    assert set(data) == {"start", "end", "label", "confidence", "cues"}
    assert all(set(cue) == {"start", "end", "reason"} for cue in data["cues"])
    assert isinstance(passage, AnalyzedPassage)


def test_package_imports_without_flask():
    probe = "import sys, quizzes.analysis; sys.exit(1 if any(m.startswith('flask') for m in sys.modules) else 0)"
    assert subprocess.run([sys.executable, "-c", probe], cwd=ROOT).returncode == 0
    sources = (ROOT / "quizzes" / "analysis").rglob("*.py")
    assert not [p.name for p in sources if "import flask" in p.read_text() or "from flask" in p.read_text()]


# --- context ------------------------------------------------------------------------------

EXPERT_ARTICLE = """Rents are rising across the country.

Dr Maria Lopez, an economist at the University of Leeds, argued in a new paper that rents rise because councils build too few homes.

The shortage pushes young families towards the edges of cities.

They argued that planning rules should be loosened.

As a result, commuting times grow each year.

Lopez wrote: “Supply is the heart of the matter. Nothing else comes close.

“Every other fix treats the symptom.”"""


def test_an_expert_argument_carries_through_pronouns_connectives_and_a_quote_over_two_paragraphs():
    assert_labels(EXPERT_ARTICLE, {
        "Dr Maria Lopez, an economist at the University of Leeds, argued in a new paper that rents rise because councils build too few homes.": "sourced_argument",
        "The shortage pushes young families towards the edges of cities.": "sourced_argument",
        "They argued that planning rules should be loosened.": "sourced_argument",
        "As a result, commuting times grow each year.": "sourced_argument",
        "Lopez wrote: “Supply is the heart of the matter.": "sourced_argument",
        "Nothing else comes close.": "sourced_argument",
        "“Every other fix treats the symptom.”": "sourced_argument",
    })


def test_an_interested_party_makes_claims_not_arguments():
    text = (
        "The factory will close next month.\n\n"
        "The company's chief executive insisted the closure had nothing to do with the strike.\n\n"
        "“We had no choice. The market moved against us,” said Tom Baker, the firm's spokesman."
    )
    assert_labels(text, {
        "The company's chief executive insisted the closure had nothing to do with the strike.": "attributed_claim",
        "“We had no choice.": "attributed_claim",
        "The market moved against us,” said Tom Baker, the firm's spokesman.": "attributed_claim",
    })


def test_writer_voice_is_split_into_checkable_report_and_evaluation():
    text = (
        "Council tax will rise by 5% in April, according to figures published by the council.\n\n"
        "So, should residents really pay more for less?\n\n"
        "It is outrageous that ministers have let this happen."
    )
    assert_labels(text, {
        "Council tax will rise by 5% in April, according to figures published by the council.": "reported_fact",
        "So, should residents really pay more for less?": "editorial_framing",
        "It is outrageous that ministers have let this happen.": "editorial_framing",
    })


def test_headline_captions_teaser_lines_and_site_furniture():
    text = (
        "Why doctors fear the one snack you eat EVERY day\n\n"
        "Watch the moment a nurse explains the risks\n\n"
        "Sign up to our newsletter for the latest health news. You can unsubscribe at any time.\n\n"
        "A new survey of 2,000 adults found that most eat crisps daily.\n\n"
        "Minister QUITS after health row [LATEST]\n"
        "Crisp giant hits back at critics [VIDEO]\n\n"
        "The survey was carried out in March.\n\n"
        "Source: Read Full Article"
    )
    assert_labels(text, {
        "Why doctors fear the one snack you eat EVERY day": "headline_teaser",
        "Watch the moment a nurse explains the risks": "headline_teaser",
        "Sign up to our newsletter for the latest health news.": "boilerplate",
        "You can unsubscribe at any time.": "boilerplate",
        "Minister QUITS after health row [LATEST]": "headline_teaser",
        "Crisp giant hits back at critics [VIDEO]": "headline_teaser",
        "The survey was carried out in March.": "reported_fact",
        "Source: Read Full Article": "boilerplate",
    })


def test_a_plain_informative_headline_is_not_a_teaser():
    assert_labels("Parliament passes budget bill\n\nThe bill passed by 310 votes to 250 on Tuesday.", {
        "Parliament passes budget bill": "reported_fact",
    })


# --- bad input ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   \n\n\t", "<html><body><div></div></body></html>"])
def test_empty_or_markup_only_text_gives_a_sensible_result(text):
    passages = analyze(text)
    assert all(p.label in LABEL_IDS for p in passages)


def test_one_enormous_paragraph_without_punctuation_is_one_passage():
    text = "and then the words go on " * 40_000
    passages = analyze(text)
    assert len(passages) == 1 and passages[0].label in LABEL_IDS


@pytest.mark.parametrize("text", ['"' * 200_000, "“ " * 100_000, "[" * 100_000, "Abc Def " * 50_000 + "was published"])
def test_pathological_repetition_finishes(text):
    assert len(analyze(text)) == 1


def test_non_english_and_control_characters_do_not_crash():
    french = "Le ministre a déclaré mardi que la réforme sera adoptée. « C'est une erreur », a dit un chercheur."
    noise = "".join(chr(c) for c in range(0, 0x2000, 7))
    for text in (french, noise):
        assert all(p.label in LABEL_IDS for p in analyze(text))


# --- evaluation -----------------------------------------------------------------------------

def _gold(start, end, label, also=()):
    return GoldSentence(start, end, label, tuple(also), "")


def test_each_gold_sentence_takes_the_label_of_the_passage_overlapping_it_most():
    predicted = [AnalyzedPassage(0, 10, "reported_fact", 0.5), AnalyzedPassage(10, 30, "boilerplate", 0.9)]
    judged = judge("a", [_gold(5, 25, "boilerplate"), _gold(0, 8, "reported_fact")], predicted)
    assert [j.predicted for j in judged] == ["boilerplate", "reported_fact"]


def test_a_prediction_in_the_also_list_counts_as_the_gold_label():
    predicted = [AnalyzedPassage(0, 10, "editorial_framing", 0.5)]
    judged = judge("a", [_gold(0, 10, "reported_fact", also=["editorial_framing"])], predicted)
    report = score(judged)
    assert judged[0].correct
    assert report.per_label["reported_fact"].f1 == 1.0
    assert report.per_label["editorial_framing"].support == 0


def test_scores_are_precision_recall_and_macro_f1_over_six_and_core_labels():
    predicted = [AnalyzedPassage(i * 10, i * 10 + 10, label, 0.5) for i, label in
                 enumerate(["sourced_argument", "sourced_argument", "attributed_claim"])]
    gold = [_gold(0, 10, "sourced_argument"), _gold(10, 20, "attributed_claim"), _gold(20, 30, "attributed_claim")]
    report = score(judge("a", gold, predicted))
    sourced, claim = report.per_label["sourced_argument"], report.per_label["attributed_claim"]
    assert (sourced.precision, sourced.recall) == (0.5, 1.0)
    assert (claim.precision, claim.recall) == (1.0, 0.5)
    assert report.macro_f1 == pytest.approx((sourced.f1 + claim.f1) / 6)
    assert report.core_macro_f1 == pytest.approx(sourced.f1 / len(CORE_LABEL_IDS))
    assert report.confusion["attributed_claim"]["sourced_argument"] == 1


def test_the_analyzer_meets_its_targets_on_the_shared_gold_articles():
    folders = [SHARED / "eval" / "dev", SHARED / "seed"]
    if not all(folder.is_dir() for folder in folders):
        pytest.skip(f"shared gold articles not found under {SHARED}")
    pairs = article_pairs(folders)
    assert len(pairs) >= 2
    report = evaluate(pairs, analyze)
    assert report.macro_f1 >= 0.80
    assert report.per_label["headline_teaser"].f1 >= 0.90
    assert report.per_label["boilerplate"].f1 >= 0.95


# --- general rules: links, furniture, headlines, verb forms, citations, framing ------------

from quizzes.analysis.lexicons import inflections  # noqa: E402


def test_link_lines_naming_other_articles_are_teasers_even_when_split_but_site_furniture_is_boilerplate():
    text = (
        "Bus fares will rise by 4% in May, the council said on Monday.\n\n"
        "Read more: Why rural bus routes keep disappearing\n\n"
        "The council runs 42 routes.\n\n"
        "Related: Town halls cut library hours. Will readers notice?\n\n"
        "[WATCH] Drivers explain the new timetable\n\n"
        "Sign up for our morning briefing newsletter.\n\n"
        "© 2031 Example Media Group. All rights reserved."
    )
    assert_labels(text, {
        "Read more: Why rural bus routes keep disappearing": "headline_teaser",
        "Related: Town halls cut library hours.": "headline_teaser",
        "Will readers notice?": "headline_teaser",
        "[WATCH] Drivers explain the new timetable": "headline_teaser",
        "Sign up for our morning briefing newsletter.": "boilerplate",
        "© 2031 Example Media Group.": "boilerplate",
        "All rights reserved.": "boilerplate",
    })


PRESS_RELEASE = """Orchard Robotics opens its first factory in Wales

NEWPORT, 3 May 2031 - Orchard Robotics today opened a factory that will employ 120 people.

“This is a proud day for all of us,” said Ana Ruiz, chief executive of Orchard Robotics.

-ENDS-

About Orchard Robotics

Orchard Robotics builds fruit-picking machines for farms. It was founded in 2024.

Media contacts

Lee Park, Press Officer

lee.park@orchard-robotics.example | +44 29 4960 0123

For more information, visit www.orchard-robotics.example."""


def test_press_release_furniture_is_boilerplate():
    assert_labels(PRESS_RELEASE, {
        "-ENDS-": "boilerplate",
        "About Orchard Robotics": "boilerplate",
        "Orchard Robotics builds fruit-picking machines for farms.": "boilerplate",
        "It was founded in 2024.": "boilerplate",
        "Media contacts": "boilerplate",
        "Lee Park, Press Officer": "boilerplate",
        "lee.park@orchard-robotics.example | +44 29 4960 0123": "boilerplate",
        "For more information, visit www.orchard-robotics.example.": "boilerplate",
        "NEWPORT, 3 May 2031 - Orchard Robotics today opened a factory that will employ 120 people.": "reported_fact",
        "“This is a proud day for all of us,” said Ana Ruiz, chief executive of Orchard Robotics.": "attributed_claim",
    })


def test_bylines_bios_disclosures_licences_corrections_credits_and_lone_datelines_are_boilerplate():
    text = (
        "Why do city parks cool some streets but not others?\n\n"
        "By Omar Haddad\n\n"
        "Jo Bright, Reader in Urban Ecology, Lakeside University\n\n"
        "GLASGOW, June 2\n\n"
        "Parks lowered summer street temperatures by 2C on average in a 2029 survey of 30 cities.\n\n"
        "Photograph: Kim Lowe/Northwind Pictures\n\n"
        "Jo Bright is Reader in Urban Ecology at Lakeside University.\n\n"
        "Jo Bright receives funding from the Urban Climate Trust.\n\n"
        "Omar Haddad does not work for, consult, own shares in or receive funding from any company that would benefit from this article.\n\n"
        "This article is republished under a Creative Commons licence.\n\n"
        "This article was amended on 4 June 2031 to correct a figure."
    )
    expected = {line: "boilerplate" for line in text.split("\n\n")[1:] if not line.startswith("Parks")}
    expected["Why do city parks cool some streets but not others?"] = "headline_teaser"
    expected["Parks lowered summer street temperatures by 2C on average in a 2029 survey of 30 cities."] = "reported_fact"
    assert_labels(text, expected)


def test_question_headlines_anywhere_are_teasers_but_a_factual_standfirst_is_not():
    text = (
        "Free school meals cut absences – but who pays for them?\n\n"
        "Councils spent 12% more on meals in 2030 than in 2029\n\n"
        "Absences fell by 3% in the first year, according to council figures."
    )
    assert_labels(text, {
        "Free school meals cut absences – but who pays for them?": "headline_teaser",
        "Councils spent 12% more on meals in 2030 than in 2029": "reported_fact",
    })


def test_reporting_verbs_are_generated_from_lemmas():
    assert inflections("conclude") == ("conclude", "concludes", "concluded", "concluding")
    assert inflections("deny") == ("deny", "denies", "denied", "denying")
    assert inflections("point out") == ("point out", "points out", "pointed out", "pointing out")
    assert "wrote" in inflections("write") and "told" in inflections("tell")


def test_cited_authors_become_experts_and_their_later_reasoning_is_sourced():
    text = (
        "Longer lunch breaks are spreading among secondary schools.\n\n"
        "Pupils with longer breaks scored slightly higher in afternoon tests (Moreau and Lind 2029, Journal of School Health).\n\n"
        "Moreau and Lind argue that rest restores attention.\n\n"
        "Older pupils, they suggest, benefit most.\n\n"
        "Teachers reported calmer classes, which the authors conclude may explain the gains."
    )
    assert_labels(text, {
        "Pupils with longer breaks scored slightly higher in afternoon tests (Moreau and Lind 2029, Journal of School Health).": "sourced_argument",
        "Moreau and Lind argue that rest restores attention.": "sourced_argument",
        "Older pupils, they suggest, benefit most.": "sourced_argument",
        "Teachers reported calmer classes, which the authors conclude may explain the gains.": "sourced_argument",
    })


def test_a_study_by_named_authors_registers_them_as_experts():
    text = (
        "A study by Grace Olsen and Ravi Menon in the Review of Transport found that cycle lanes cut accidents.\n\n"
        "Olsen said the effect was largest at junctions."
    )
    assert_labels(text, {"Olsen said the effect was largest at junctions.": "sourced_argument"})


def test_hedges_promotion_first_person_and_imperatives_are_the_writers_framing():
    text = (
        "The new tram line opened on 2 March 2031 with 14 stops.\n\n"
        "It is possible that fares will deter the poorest riders.\n\n"
        "None of this means the line was a mistake.\n\n"
        "Commuters no longer have to choose between speed and comfort.\n\n"
        "It is the most reliable service the city has ever had.\n\n"
        "I think the council got the route right.\n\n"
        "Imagine crossing the city in twenty minutes."
    )
    assert_labels(text, {
        "The new tram line opened on 2 March 2031 with 14 stops.": "reported_fact",
        "It is possible that fares will deter the poorest riders.": "editorial_framing",
        "None of this means the line was a mistake.": "editorial_framing",
        "Commuters no longer have to choose between speed and comfort.": "editorial_framing",
        "It is the most reliable service the city has ever had.": "editorial_framing",
        "I think the council got the route right.": "editorial_framing",
        "Imagine crossing the city in twenty minutes.": "editorial_framing",
    })


def test_an_adjectival_participle_or_an_infinitive_is_not_an_attribution():
    text = "The alleged fraud cost the firm £2m in 2030.\n\nThe minister refused to say how much was recovered."
    assert_labels(text, {
        "The alleged fraud cost the firm £2m in 2030.": "reported_fact",
        "The minister refused to say how much was recovered.": "reported_fact",
    })


def test_the_harness_explains_itself_and_summarises_each_folder(tmp_path):
    script = ROOT / "bench" / "analyzer_eval.py"
    helped = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, cwd=ROOT)
    assert helped.returncode == 0 and "FOLDER" in helped.stdout and "usage" in helped.stdout
    folders = []
    for name in ("one", "two"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "a.txt").write_text("Prices rose 3% in May.", encoding="utf-8")
        (folder / "a.gold.jsonl").write_text('{"start": 0, "end": 22, "label": "reported_fact"}\n', encoding="utf-8")
        folders.append(str(folder))
    run = subprocess.run([sys.executable, str(script), *folders], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0 and "per folder:" in run.stdout
    assert all(f"{folder}: 1 articles" in run.stdout for folder in folders)
    assert "leave-one-article-out" not in run.stdout  # articles the model never saw need no retraining


def test_the_harness_scores_an_article_the_model_trained_on_leave_one_article_out(monkeypatch, capsys):
    script = ROOT / "bench" / "analyzer_eval.py"
    seed = ROOT.parent / "shared" / "seed"
    fit = subprocess.run([sys.executable, str(script), "--fit", "--worst", "0", str(seed)], capture_output=True, text=True, cwd=ROOT)
    assert fit.returncode == 0 and "training data" not in fit.stdout
    # In process, with a small training set (the dev folder and the bundled article) to keep it quick:
    # the model that labels the bundled article is trained on every training article but that one.
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    import analyzer_eval
    import train_analyzer_model

    monkeypatch.setattr(train_analyzer_model, "FOLDERS", {"dev": ROOT.parent / "shared" / "eval" / "dev", "seed": seed})
    trained_with = []
    real_fit = train_analyzer_model.fit

    def recording_fit(train, c, keep):
        trained_with.append({article.page for article in train})  # a page and its pasted copy share one
        return real_fit(train, c, keep)

    monkeypatch.setattr(train_analyzer_model, "fit", recording_fit)
    assert analyzer_eval.main(["--worst", "0", str(seed)]) == 0
    assert "1 of 1 articles are in the model's training data" in capsys.readouterr().out
    assert trained_with == [{"01_west-journal-conservative-blacklist", "02_usa-today-historians-clinton-obama", "03_observer-sugar-food-industry"}]
    pair = article_pairs([seed])[0]
    text = pair[0].read_text(encoding="utf-8")
    passages = analyzer_eval.leave_one_out([pair])[text]
    shipped = analyze(text)
    assert [(p.start, p.end) for p in passages] == [(p.start, p.end) for p in shipped]
    assert [p.confidence for p in passages] != [p.confidence for p in shipped]



def test_a_training_page_is_also_trained_on_as_pasted_from_the_headline_down(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    from train_analyzer_model import Article
    from quizzes.analysis.evaluation import GoldSentence

    text = "Home | News | Sport\nBridge to reopen in May\nThe bridge will reopen on 4 May, the council said.\nCookie settings"
    spans = [("Home | News | Sport", "boilerplate"), ("Bridge to reopen in May", "reported_fact"),
             ("The bridge will reopen on 4 May, the council said.", "attributed_claim"), ("Cookie settings", "boilerplate")]
    gold = [GoldSentence(text.index(line), text.index(line) + len(line), label, (), line) for line, label in spans]
    page = Article("blind", "page", text, gold)
    pasted = page.as_pasted()
    assert pasted.text == "Bridge to reopen in May\nThe bridge will reopen on 4 May, the council said."
    assert pasted.page == page.page and pasted.pasted and not page.pasted
    assert [(pasted.text[g.start:g.end], g.label) for g in pasted.gold] == spans[1:3]
    assert pasted.as_pasted() is None  # nothing left to cut


# --- round 2: experts without a reporting verb, surveys, writer's voice, release banners ------

def test_authors_named_with_a_university_and_a_persons_team_are_experts():
    text = (
        "Night buses are to run on four more routes from May.\n\n"
        "In a paper published last year in the Review of Transit Studies, Hana Kovac and Theo Brandt of the "
        "University of Norhaven compared 22 cities that extended night services.\n\n"
        "They found that late-shift workers switched from taxis within a year.\n\n"
        "The duo argue that this happens because reliable timetables build habits.\n\n"
        "Kovac and Brandt concede that costs per rider are high.\n\n"
        "Lena Ortiz, a geographer at the Marlow Institute, said the routes would help shift workers.\n\n"
        "Her team also found that women felt safer on staffed buses."
    )
    assert_labels(text, {
        "They found that late-shift workers switched from taxis within a year.": "sourced_argument",
        "The duo argue that this happens because reliable timetables build habits.": "sourced_argument",
        "Kovac and Brandt concede that costs per rider are high.": "sourced_argument",
        "Her team also found that women felt safer on staffed buses.": "sourced_argument",
    })


def test_poll_findings_about_respondents_are_reported_facts_not_claims():
    text = (
        "Most tenants back a licensing scheme, survey finds\n\n"
        "The survey of 1,540 renters, carried out by Fairpoint Research in May, found that 61% had reported "
        "damp to their landlord.\n\n"
        "Nearly a third (31%) said they had waited more than a month for repairs.\n\n"
        "A landlords' association said the figures exaggerated the problem."
    )
    assert_labels(text, {
        "The survey of 1,540 renters, carried out by Fairpoint Research in May, found that 61% had reported damp to their landlord.": "reported_fact",
        "Nearly a third (31%) said they had waited more than a month for repairs.": "reported_fact",
        "A landlords' association said the figures exaggerated the problem.": "attributed_claim",
    })


def test_writer_voice_without_a_listed_judgement_word_is_framing():
    text = (
        "The ferry service to Arran will be cut to two sailings a day from 1 June, the operator said.\n\n"
        "Island families deserve a reliable link to the mainland.\n\n"
        "Many islanders fear they are being forgotten by the capital.\n\n"
        "Beneath the timetables lies a harder truth about who counts.\n\n"
        "That is where the real failure lies.\n\n"
        "A country that will not invest cannot keep its islands alive.\n\n"
        "It never will.\n\n"
        "The service carried 410,000 passengers in 2030.\n\n"
        "Nobody was hurt when the ferry ran aground in March."
    )
    assert_labels(text, {
        "Island families deserve a reliable link to the mainland.": "editorial_framing",
        "Many islanders fear they are being forgotten by the capital.": "editorial_framing",
        "Beneath the timetables lies a harder truth about who counts.": "editorial_framing",
        "That is where the real failure lies.": "editorial_framing",
        "A country that will not invest cannot keep its islands alive.": "editorial_framing",
        "It never will.": "editorial_framing",
        "The service carried 410,000 passengers in 2030.": "reported_fact",
        "Nobody was hurt when the ferry ran aground in March.": "reported_fact",
    })


def test_short_reports_of_events_are_not_punchy_verdicts():
    text = (
        "Strike ends at Kelso plant\n\n"
        "Workers at the Kelso plant voted on Friday to accept a 4% pay offer.\n\n"
        "Nobody was injured. The union welcomed the result in a statement. Production resumed."
    )
    labels = labels_of(text)
    assert labels["Nobody was injured."] == "reported_fact"
    assert labels["Production resumed."] == "reported_fact"


def test_release_banners_embargo_and_standards_lines_are_boilerplate_and_a_leader_headline_frames():
    text = (
        "NEWS RELEASE\n\n"
        "EMBARGOED until 00:01 BST, Tuesday 3 June 2031\n\n"
        "Library visits rise for the third year running\n\n"
        "Visits to public libraries in Eastmoor rose by 8% in 2030, according to council figures.\n\n"
        "Our Standards: The Northgate Press Editorial Principles"
    )
    assert_labels(text, {
        "NEWS RELEASE": "boilerplate",
        "EMBARGOED until 00:01 BST, Tuesday 3 June 2031": "boilerplate",
        "Library visits rise for the third year running": "reported_fact",
        "Our Standards: The Northgate Press Editorial Principles": "boilerplate",
    })
    leader = "The Courier view on bus fares: cheap tickets, empty seats\n\nFares in the county fell by 20% in 2030."
    assert labels_of(leader)["The Courier view on bus fares: cheap tickets, empty seats"] == "editorial_framing"


def test_a_deck_with_a_curiosity_gap_and_capitalised_contractions_is_a_teaser():
    text = (
        "Parking charges DOUBLE overnight\n\n"
        "Drivers stung AGAIN — and the one trick car park firms DON'T want you to know\n\n"
        "Charges at the Mill Lane car park rose from £2 to £4 on Monday."
    )
    assert labels_of(text)["Drivers stung AGAIN — and the one trick car park firms DON'T want you to know"] == "headline_teaser"


def test_an_attack_verb_with_a_quoted_label_reports_a_claim():
    text = (
        "Town centre parking plan approved\n\n"
        "Councillor Amy Reid slammed the plan as “a betrayal of small shops”.\n\n"
        "The plan was approved by 31 votes to 12 on Tuesday."
    )
    assert labels_of(text)["Councillor Amy Reid slammed the plan as “a betrayal of small shops”."] == "attributed_claim"


# --- round 3: web page furniture, standfirsts, pull-quotes, denied and passive reports ----------

def test_web_furniture_lines_are_boilerplate():
    text = (
        "Ferry fares to rise by 6% from April\n\n"
        "Written by Tomas Reed | 3 February 2027\n\n"
        "Updated 09:15 GMT\n\n"
        "4 min read\n\n"
        "Fares on the Kellport ferry will rise by 6% from 1 April, the operator confirmed on Monday. "
        "A return ticket will cost £18.40.\n\n"
        "Advertisement\n\n"
        "The operator carried 1.2 million passengers last year.\n\n"
        "Have you got a story for us? Email tips@kellport-news.example\n\n"
        "Support our journalism from £2 a month.\n\n"
        "Topics: ferries, transport, Kellport\n\n"
        "Share: Facebook | WhatsApp | Copy link\n\n"
        "12 comments\n"
    )
    assert_labels(text, {
        "Written by Tomas Reed | 3 February 2027": "boilerplate",
        "Updated 09:15 GMT": "boilerplate",
        "4 min read": "boilerplate",
        "Advertisement": "boilerplate",
        "Have you got a story for us?": "boilerplate",
        "Support our journalism from £2 a month.": "boilerplate",
        "Topics: ferries, transport, Kellport": "boilerplate",
        "Share: Facebook | WhatsApp | Copy link": "boilerplate",
        "12 comments": "boilerplate",
        "The operator carried 1.2 million passengers last year.": "reported_fact",
    })


def test_ordinary_words_near_furniture_words_stay_body_text():
    text = (
        "Volunteers urged residents to donate blood at the town hall on Saturday. "
        "Many share this concern about the shortage. "
        "The leaflets were distributed by the council in March.\n"
    )
    labels = labels_of(text)
    assert "boilerplate" not in labels.values()


def test_link_list_heading_is_furniture_and_its_items_are_teasers():
    text = (
        "Harbour wall repairs begin next week\n\n"
        "Contractors will start work on the harbour wall on 12 May, the council said. The work will take six weeks.\n\n"
        "Most read\n\n"
        "1. Mystery of the vanishing lighthouse keeper finally solved\n\n"
        "2. The café that refuses to take cards\n"
    )
    assert_labels(text, {
        "Most read": "boilerplate",
        "1.": "headline_teaser",  # the segmenter splits a list number from its item
        "Mystery of the vanishing lighthouse keeper finally solved": "headline_teaser",
        "The café that refuses to take cards": "headline_teaser",
    })


def test_kicker_line_is_a_teaser_and_the_headline_under_it_is_still_read():
    text = (
        "BREAKING NEWS\n\n"
        "Why the mayor's own party turned on him\n\n"
        "The mayor of Dunholt resigned on Friday after losing a confidence vote by 22 votes to 9.\n"
    )
    assert_labels(text, {"BREAKING NEWS": "headline_teaser", "Why the mayor's own party turned on him": "headline_teaser"})


def test_headline_that_speaks_to_the_reader_and_shouted_verbs_are_teasers():
    assert_labels(
        "The heatwave menu you won't be able to resist\n\nChefs in Ardle served 4,000 cold soups on Sunday.\n",
        {"The heatwave menu you won't be able to resist": "headline_teaser"},
    )
    assert_labels(
        "Officials LIED About the Report – Now Residents Want Answers\n\nThe report was published on 3 June.\n",
        {"Officials LIED About the Report – Now Residents Want Answers": "headline_teaser"},
    )


def test_standfirst_that_sends_the_writer_out_is_a_teaser_but_a_plain_summary_is_not():
    teasing = (
        "The last ferryman of the Ouse\n\n"
        "For sixty years one family has rowed strangers across the river. Priya Dal meets the man who will be the last of them.\n\n"
        "Words by Priya Dal · Photography by Ken Ito\n\n"
        "The river is low in August. Jack Hurst has rowed it since 1971.\n"
    )
    assert_labels(teasing, {
        "For sixty years one family has rowed strangers across the river.": "headline_teaser",
        "Priya Dal meets the man who will be the last of them.": "headline_teaser",
        "Words by Priya Dal · Photography by Ken Ito": "boilerplate",
    })
    plain = (
        "Ferry fares to rise by 6% from April\n\n"
        "Fares on the Kellport ferry will rise by 6% from 1 April.\n\n"
        "By Tomas Reed\n\n"
        "The operator carried 1.2 million passengers last year.\n"
    )
    assert labels_of(plain)["Fares on the Kellport ferry will rise by 6% from 1 April."] == "reported_fact"


def test_pull_quote_signed_with_a_dash_is_a_teaser_and_the_quote_in_the_body_is_not():
    text = (
        "Inside the quiet fight over the old mill\n\n"
        "The mill closed in 1984. The historian Ana Frei wrote in her 2019 book that its records were incomplete.\n\n"
        "“The owners let the river take the blame for their debts” – Ana Frei\n\n"
        "“The owners let the river take the blame for their debts,” Frei told me.\n"
    )
    labels = labels_of(text)
    assert labels["“The owners let the river take the blame for their debts” – Ana Frei"] == "headline_teaser"
    assert labels["“The owners let the river take the blame for their debts,” Frei told me."] == "sourced_argument"


def test_denied_and_passive_reports_and_claim_nouns_are_not_attributions():
    news = (
        "Harbour levy to double from 2028\n\n"
        "The harbour levy will rise from £40 to £80 a year for each boat from 1 January 2028. "
        "Cllr Joan Pike said the rise would pay for dredging. "
        "She did not say how many boats would pay it. "
        "The new museum, by architect Lena Holt, opened on 3 May, and visitors are warned that the floor is wet.\n"
    )
    assert_labels(news, {
        "Cllr Joan Pike said the rise would pay for dredging.": "attributed_claim",
        "She did not say how many boats would pay it.": "reported_fact",
        "The new museum, by architect Lena Holt, opened on 3 May, and visitors are warned that the floor is wet.": "reported_fact",
    })
    review = "The director has claimed that this is the first play about the trade. That is a bold boast, and an absurd one.\n"
    assert_labels(review, {
        "The director has claimed that this is the first play about the trade.": "attributed_claim",
        "That is a bold boast, and an absurd one.": "editorial_framing",
    })


def test_caption_before_a_photo_credit_update_note_and_star_rating():
    text = (
        "Winter Tides review\n\n"
        "Rating: ★★★☆☆\n\n"
        "Mira Lent as Sal in Winter Tides at the Quay Theatre. Photograph: Dan Oru\n\n"
        "The play opened at the Quay Theatre on Friday and runs until 4 March.\n\n"
        "UPDATE: Since this review was published, the theatre has told us the run will be extended by two weeks.\n"
    )
    assert_labels(text, {
        "Rating: ★★★☆☆": "editorial_framing",
        "Mira Lent as Sal in Winter Tides at the Quay Theatre.": "reported_fact",
        "Photograph: Dan Oru": "boilerplate",
        "UPDATE: Since this review was published, the theatre has told us the run will be extended by two weeks.": "reported_fact",
    })


def test_writer_reinterpretation_and_speculation_openers_are_framing():
    text = (
        "Study finds congestion charge had small effect\n\n"
        "Professor Ian Gale, an economist at Northfield University, said the charge cut traffic by 2%. "
        "In other words, the charge barely changed anything. "
        "Perhaps the council knew that all along.\n"
    )
    assert_labels(text, {
        "In other words, the charge barely changed anything.": "editorial_framing",
        "Perhaps the council knew that all along.": "editorial_framing",
    })


# --- trained model over the rules' cues (quizzes/analysis/model.py) ---------------------------

from quizzes.analysis.analyzer import analyze_rules, analyze_with, run_rules  # noqa: E402
from quizzes.analysis.features import passage_features, vocabulary  # noqa: E402
from quizzes.analysis.model import MODEL_PATH, LinearModel, load_model  # noqa: E402


def test_the_model_file_loads_once_and_covers_the_six_labels():
    model = load_model()
    assert model is not None, f"{MODEL_PATH} is missing"
    assert load_model() is model
    assert set(model.labels) == set(LABEL_IDS)
    assert model.weights and all(len(row) == len(LABEL_IDS) for row in model.weights.values())
    assert MODEL_PATH.stat().st_size < 512 * 1024


def test_pure_python_inference_equals_the_training_librarys_predict_proba():
    import json

    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    model = LinearModel.from_dict(data)
    assert len(data["checks"]) >= 5
    for check in data["checks"]:
        probabilities = model.predict_proba(check["features"])
        assert sum(probabilities.values()) == pytest.approx(1.0)
        for label, expected in zip(data["labels"], check["predict_proba"]):
            assert probabilities[label] == pytest.approx(expected, abs=1e-4)


def test_final_label_and_confidence_are_the_models_and_the_rules_cues_are_kept():
    text = SEED.read_text(encoding="utf-8")
    model = load_model()
    document = run_rules(text)
    passages = analyze(text)
    for sentence, features, passage in zip(document.sentences, passage_features(document), passages):
        probabilities = model.predict_proba(features)
        best = max(probabilities, key=probabilities.get)
        assert passage.label == best
        assert passage.confidence == round(probabilities[best], 2)
        assert set(sentence.cues) <= set(passage.cues)
        if best != sentence.label:
            assert any("trained model" in cue.reason for cue in passage.cues)


def test_rules_alone_are_still_available_and_a_missing_model_file_falls_back_to_them(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    assert load_model(tmp_path / "absent.json") is None
    rules = analyze_rules(text)
    assert [(p.start, p.end) for p in rules] == [(p.start, p.end) for p in analyze(text)]
    assert analyze_with(text, None) == rules


def test_a_malformed_model_is_refused_and_unknown_features_are_ignored():
    with pytest.raises(ValueError):
        LinearModel.from_dict({"labels": ["a", "b"], "features": ["x"], "coef": [[1.0]], "intercept": [0.0, 0.0]})
    model = LinearModel.from_dict({"labels": ["a", "b"], "features": ["x"], "coef": [[1.0], [-1.0]], "intercept": [0.0, 0.0]})
    assert model.predict_proba({"unknown": 5.0}) == {"a": 0.5, "b": 0.5}
    assert model.predict_proba({"x": 1000.0})["a"] == pytest.approx(1.0)  # no overflow


def test_word_features_are_function_and_cue_words_only():
    words = vocabulary()
    assert {"the", "said", "professor", "newsletter", "should"} <= words
    assert not {"ukraine", "sugar", "putin", "library"} & words
    features = passage_features(run_rules("Sugar prices in Ukraine rose, the minister said."))[0]
    assert not any(name.startswith(("w:", "w2:")) and ("sugar" in name or "ukraine" in name) for name in features)


def test_a_snippet_shorter_than_any_training_article_keeps_the_rules_labels():
    from quizzes.analysis.features import MIN_PARAGRAPHS

    text = "\n\n".join(["Parliament passes budget bill"] + ["The bill passed by 310 votes to 250 on Tuesday."] * (MIN_PARAGRAPHS - 2))
    assert analyze(text) == analyze_rules(text)


# --- round 6: page furniture, newsletters, transcripts, outside experts ------------------------

def test_newsletter_masthead_sponsor_and_footer_lines_are_boilerplate():
    text = (
        "View this email online\n"
        "THE HARBOUR BULLETIN\n"
        "Tuesday 3 March 2027 · from the Kellport Times newsroom\n"
        "Bus fares frozen for another year\n"
        "Kellport council froze bus fares on Monday for a second year, after a vote of 31 to 12. "
        "The flat fare will stay at £1.80 until April 2028.\n"
        "Read the full story →\n"
        "SPONSORED\n"
        "Switch your broadband to Quayline and save £10 a month with code HARBOUR10 (T&Cs apply)\n"
        "Ferry timetable cut as crews fall ill\n"
        "Three crossings a day were cancelled on Monday because of staff sickness, the operator said.\n"
        "You're receiving this because you signed up on our website.\n"
        "Manage preferences | Unsubscribe\n"
    )
    assert_labels(text, {
        "View this email online": "boilerplate",
        "THE HARBOUR BULLETIN": "boilerplate",
        "Tuesday 3 March 2027 · from the Kellport Times newsroom": "boilerplate",
        "Read the full story →": "boilerplate",
        "SPONSORED": "boilerplate",
        "Switch your broadband to Quayline and save £10 a month with code HARBOUR10 (T&Cs apply)": "boilerplate",
        "You're receiving this because you signed up on our website.": "boilerplate",
        "Manage preferences | Unsubscribe": "boilerplate",
        "The flat fare will stay at £1.80 until April 2028.": "reported_fact",
    })


def test_bylines_meta_lines_navigation_and_disclosures_are_boilerplate():
    text = (
        "Home › News › Transport\n"
        "Tram extension delayed by two years\n"
        "By Ana Ruiz, Transport correspondent\n"
        "Published 2 hours ago · 3 min read\n"
        "The tram line to Westfield will open in 2031, two years later than planned, the city council said on Friday.\n"
        "When you buy through links on this page, we may earn an affiliate commission. Here's how it works.\n"
        "The council blamed rising steel prices for the delay.\n"
        "Jo Platt | Arts Editor\n"
        "This article is for general information only and is not medical advice.\n"
        "© 2027 Westfield Post\n"
    )
    labels = labels_of(text)
    for line in ("Home › News › Transport", "By Ana Ruiz, Transport correspondent", "Published 2 hours ago · 3 min read",
                 "When you buy through links on this page, we may earn an affiliate commission.", "Here's how it works.",
                 "Jo Platt | Arts Editor", "This article is for general information only and is not medical advice."):
        assert labels[line] == "boilerplate", line
    assert labels["Tram extension delayed by two years"] != "boilerplate"


def test_reference_list_entries_and_recording_chapters_are_furniture():
    text = (
        "Do quiet carriages make commuters happier?\n\n"
        "Holm and Vale (2019) argue that quiet carriages lower stress because passengers expect fewer interruptions.\n\n"
        "References\n\n"
        "Holm T, Vale R (2019), Quiet carriages and commuter stress, Journal of Transport Psychology 4(2), 11-19.\n\n"
        "Okoro, A. and Lind, P. (2021). Noise on trains. Rail Review, 9, 40-52.\n\n"
        "00:00 Welcome\n\n"
        "12:30 Why trains got louder\n"
    )
    assert_labels(text, {
        "Holm and Vale (2019) argue that quiet carriages lower stress because passengers expect fewer interruptions.": "sourced_argument",
        "References": "boilerplate",
        "Holm T, Vale R (2019), Quiet carriages and commuter stress, Journal of Transport Psychology 4(2), 11-19.": "boilerplate",
        "Okoro, A. and Lind, P. (2021).": "boilerplate",
        "00:00 Welcome": "boilerplate",
        "12:30 Why trains got louder": "boilerplate",
    })


def test_transcript_turns_take_the_speaker_named_in_capitals_and_the_host_speaks_for_the_show():
    text = (
        "Episode 12: Do four-day weeks work?\n\n"
        "Host Sam Idris talks to economist Dr Lena Park of Northfield University and café owner Tom Reyes.\n\n"
        "SAM IDRIS: So is the four-day week really a free lunch?\n\n"
        "LENA PARK: Mostly not. Output held up only where meetings were cut, because that is where the slack was.\n\n"
        "TOM REYES: It saved my business. My staff are happier than ever.\n"
    )
    assert_labels(text, {
        "LENA PARK: Mostly not.": "sourced_argument",
        "Output held up only where meetings were cut, because that is where the slack was.": "sourced_argument",
        "TOM REYES: It saved my business.": "attributed_claim",
        "My staff are happier than ever.": "attributed_claim",
    })
    assert labels_of(text)["SAM IDRIS: So is the four-day week really a free lunch?"] != "sourced_argument"


def test_a_question_just_above_a_reply_address_is_part_of_the_notice():
    text = (
        "Council approves new cycle lanes\n\n"
        "The council approved 12 miles of new cycle lanes on Tuesday.\n\n"
        "Do you cycle to work? Tell us what you think: email letters@westfieldpost.example\n\n"
        "Should the lanes be extended?\n\n"
        "Let us know in the comments below.\n"
    )
    assert_labels(text, {
        "Do you cycle to work?": "boilerplate",
        "Should the lanes be extended?": "boilerplate",
        "The council approved 12 miles of new cycle lanes on Tuesday.": "reported_fact",
    })


def test_emoji_link_tags_more_from_links_two_beat_headlines_and_capital_pull_quotes_are_teasers():
    text = (
        "The river rose. Then the town went quiet.\n\n"
        "Floodwater reached the high street of Amberley at dawn on Sunday, the fire service said. "
        "\"The water came up faster than anyone expected,\" said shop owner Rhys Dale.\n\n"
        "\"THE WATER CAME UP FASTER THAN ANYONE EXPECTED\"\n\n"
        "▶ WATCH: The moment the bridge gave way\n\n"
        "More from Nia Hale: Why your insurance may not cover the flood\n"
    )
    assert_labels(text, {
        "The river rose.": "headline_teaser",
        "Then the town went quiet.": "headline_teaser",
        "\"THE WATER CAME UP FASTER THAN ANYONE EXPECTED\"": "headline_teaser",
        "▶ WATCH: The moment the bridge gave way": "headline_teaser",
        "More from Nia Hale: Why your insurance may not cover the flood": "headline_teaser",
    })


def test_outside_experts_roles_and_pronouns_after_a_journal_are_sourced():
    text = (
        "Car insurance solicitor Maya Brent, who was not involved in the case, said drivers with clean licences "
        "rarely lose them for a first offence.\n\n"
        "Dr Owen Hart, who lectures in transport policy at Northfield University, has studied the bypass for years.\n\n"
        "\"Road building brings traffic back within five years, because new lanes make driving easier,\" he said.\n\n"
        "Writing in the Journal of Transport Policy last year, he found that the same pattern held in six towns.\n\n"
        "He said the council should publish its traffic counts.\n\n"
        "Transport economist Ruth Lee of Eastgate College disagrees: the bypass, she says, will pay for itself.\n"
    )
    labels = labels_of(text)
    for sentence, label in labels.items():
        assert label == "sourced_argument", sentence


def test_claim_words_as_nouns_relative_says_and_nobody_said_are_not_attributions():
    text = (
        "The battery claims are harder to judge.\n\n"
        "If the council means what it says about safety, it should fix the crossing.\n\n"
        "Nobody has said.\n\n"
        "The trust insists the change is safe.\n"
    )
    labels = labels_of(text)
    assert labels["The battery claims are harder to judge."] in ("editorial_framing", "reported_fact")
    assert labels["If the council means what it says about safety, it should fix the crossing."] == "editorial_framing"
    assert labels["Nobody has said."] != "attributed_claim"
    assert labels["The trust insists the change is safe."] == "attributed_claim"


def test_explainer_signpost_questions_are_facts_and_review_verdicts_are_framing():
    text = (
        "Water levy explained\n\n"
        "What is the water levy?\n\n"
        "It is a charge of £40 a year added to every household bill from April.\n\n"
        "Why is it being charged?\n\n"
        "The company says it needs the money to build a reservoir.\n\n"
        "Verdict: a fair idea, badly explained.\n"
    )
    assert_labels(text, {
        "What is the water levy?": "reported_fact",
        "Why is it being charged?": "reported_fact",
        "Verdict: a fair idea, badly explained.": "editorial_framing",
    })


def test_word_lists_compile_to_prefix_trees_with_the_same_matches():
    import re as regex

    from quizzes.analysis import lexicons

    words = ("bad", "badly", "bold", "b(?:ig|ogus)", "(?:grim|grey)ly", "cheap", "cheaper", "told", "tol(?:d|l)s?", "dire")
    source = lexicons._words(*words)
    fast, plain = lexicons._compile(source, regex.I), regex.compile(source, regex.I)
    assert lexicons.source_of(fast) == source and fast.pattern != source
    sample = "A bad, BADLY made, bold, big and bogus plan, grimly cheap(er) and greyly told, tolls; badge, bolder, direct, dire."
    assert [m.group() for m in fast.finditer(sample)] == [m.group() for m in plain.finditer(sample)]


# --- round 7 -------------------------------------------------------------------------------

def _rule_labels(text: str) -> dict[str, str]:
    return {text[p.start:p.end]: p.label for p in analyze_rules(text)}


def test_a_reader_poll_is_a_teaser_and_its_answer_buttons_are_furniture():
    text = (
        "Harbour ferry fares to double from May\n\n"
        "Return tickets on the Kellport ferry will cost £9.40 from 1 May, up from £4.70, the operator said on Monday.\n\n"
        "POLL: Is the new ferry fare fair?\n\n"
        "Yes, it was overdue\n\n"
        "No\n\n"
        "Quiz: How well do you know the harbour?\n\n"
        "The operator said fuel costs had risen by a third since 2024.\n"
    )
    for labels in (_rule_labels(text), labels_of(text)):
        assert labels["POLL: Is the new ferry fare fair?"] == "headline_teaser"
        assert labels["Yes, it was overdue"] == "boilerplate"
        assert labels["No"] == "boilerplate"
        assert labels["Quiz: How well do you know the harbour?"] == "headline_teaser"
        assert labels["The operator said fuel costs had risen by a third since 2024."] != "boilerplate"


def test_a_shouted_headline_cut_in_two_is_one_teaser_and_an_exclamation_headline_teases():
    text = (
        "MAYOR QUITS! Town hall in SHOCK as leader walks out mid-meeting\n\n"
        "The mayor of Ellbridge, Tom Reyes, resigned on Tuesday evening during a council meeting, the council confirmed.\n"
    )
    for labels in (_rule_labels(text), labels_of(text)):
        assert labels["MAYOR QUITS!"] == "headline_teaser"
        assert labels["Town hall in SHOCK as leader walks out mid-meeting"] == "headline_teaser"
    text = "Ferry saved at the last minute!\n\nThe council voted on Friday to fund the Kellport ferry for two more years.\n"
    assert _rule_labels(text)["Ferry saved at the last minute!"] == "headline_teaser"
    # A plain headline the segmenter cuts in two, without teaser cues, is not forced into a teaser.
    text = (
        "Storm closes the Amber bridge for the second time this winter. Ferries will run instead until Friday\n\n"
        "The Amber bridge closed at 6am on Monday, police said.\n"
    )
    assert _rule_labels(text)["Storm closes the Amber bridge for the second time this winter."] != "headline_teaser"


def test_a_comment_count_after_a_most_read_list_is_furniture_not_a_link():
    text = (
        "Library to open on Sundays\n\n"
        "Kellport library will open on Sundays from March, the council said.\n\n"
        "Most read\n\n"
        "1 Bus fares frozen for another year\n\n"
        "2 Why the pier is still closed\n\n"
        "Comments (41)\n\n"
        "Comments are moderated in line with our community guidelines.\n"
    )
    for labels in (_rule_labels(text), labels_of(text)):
        assert labels["1 Bus fares frozen for another year"] == "headline_teaser"
        assert labels["Comments (41)"] == "boilerplate"


def test_posted_on_bylines_publisher_names_section_labels_and_author_notes_are_furniture():
    text = (
        "Kellport Centre for Transport Research\n"
        "Home › Blog › Buses\n"
        "Do free buses get people out of cars?\n"
        "Posted on 3 March 2027 by Ana Ruiz and Tom Reyes · 5 min read\n"
        "Free bus travel for under-22s began in Kellport in 2025. We compared car trips before and after.\n"
        "Trips by car fell by 4% among 18- to 21-year-olds in the first year.\n"
        "The scheme costs the council £3.2m a year.\n"
        "Ana Ruiz is a research fellow and Tom Reyes a data analyst at the Kellport Centre for Transport Research.\n"
    )
    labels = _rule_labels(text)
    assert labels["Kellport Centre for Transport Research"] == "boilerplate"
    assert labels["Do free buses get people out of cars?"] == "headline_teaser"
    assert labels["Posted on 3 March 2027 by Ana Ruiz and Tom Reyes · 5 min read"] == "boilerplate"
    assert labels["Ana Ruiz is a research fellow and Tom Reyes a data analyst at the Kellport Centre for Transport Research."] == "boilerplate"
    assert labels["Trips by car fell by 4% among 18- to 21-year-olds in the first year."] == "reported_fact"
    text = (
        "The Ellbridge Post\n"
        "Transport\n"
        "Council approves new cycle lanes on the ring road\n"
        "By Nia Hale, Local Democracy Reporter\n"
        "Councillors approved 4km of cycle lanes on Tuesday by seven votes to two.\n"
        "Work will start in June.\n"
        "Nia Hale writes about local government for the Ellbridge Post.\n"
    )
    labels = _rule_labels(text)
    assert labels["The Ellbridge Post"] == "boilerplate"
    assert labels["Transport"] == "boilerplate"
    assert labels["Council approves new cycle lanes on the ring road"] == "reported_fact"
    assert labels["Nia Hale writes about local government for the Ellbridge Post."] == "boilerplate"


def test_what_follows_in_a_standfirst_is_not_the_writer_setting_out():
    text = (
        "The Post view on bus fares: a freeze is welcome but it is not a plan\n"
        "The council has frozen fares for a second year. Unless it funds the routes, the freeze will mean little\n"
        "Kellport council froze bus fares on Monday for a second year.\n"
    )
    labels = _rule_labels(text)
    assert labels["The council has frozen fares for a second year."] != "headline_teaser"
    assert labels["Unless it funds the routes, the freeze will mean little"] != "headline_teaser"


def test_an_explainers_headline_question_is_answered_below_not_a_teaser():
    text = (
        "Kellport bus levy: What is it and who pays?\n\n"
        "Households in Kellport will pay a £12 bus levy from April, the council said on Monday.\n\n"
        "What is the bus levy?\n\n"
        "It is a yearly charge added to council tax bills to pay for evening buses.\n\n"
        "Who pays?\n\n"
        "Every household in bands A to H pays the same amount.\n"
    )
    labels = _rule_labels(text)
    assert labels["Kellport bus levy: What is it and who pays?"] == "reported_fact"
    assert labels["What is the bus levy?"] == "reported_fact"
    # Without signpost sections a question headline still teases.
    text = "Who really pays for the bus levy?\n\nHouseholds in Kellport will pay a £12 bus levy from April, the council said.\n"
    assert _rule_labels(text)["Who really pays for the bus levy?"] == "headline_teaser"


def test_section_labels_in_capitals_are_not_emphasis_and_small_gift_asks_are_furniture():
    text = (
        "OUR VIEW | The pier deserves better than another year of delay\n\n"
        "The pier at Kellport has been closed since 2024. The council should set a date for the repairs.\n\n"
        "Just £5 can keep a lifeboat volunteer trained for a month.\n\n"
        "Our Standards: The Kellport Wire Trust Principles., opens new tab\n"
    )
    labels = _rule_labels(text)
    assert labels["OUR VIEW | The pier deserves better than another year of delay"] != "headline_teaser"
    assert labels["Just £5 can keep a lifeboat volunteer trained for a month."] == "boilerplate"
    assert labels["Our Standards: The Kellport Wire Trust Principles., opens new tab"] == "boilerplate"


def test_a_judge_writing_an_opinion_is_a_sourced_argument_not_a_party():
    text = (
        "Court backs ferry workers over unpaid waiting time\n\n"
        "The appeals court ruled 4-1 on Tuesday that Kellport Ferries must pay crews for time spent waiting to board.\n\n"
        "\"A worker who cannot leave the quay is at work,\" Judge Ana Ruiz wrote. \"The contract does not change that.\"\n\n"
        "In a dissent, Chief Justice Tom Reyes wrote that the ruling went further than the law allowed.\n\n"
        "Kellport Ferries said it would appeal.\n"
    )
    labels = _rule_labels(text)
    assert labels["\"A worker who cannot leave the quay is at work,\" Judge Ana Ruiz wrote."] == "sourced_argument"
    assert labels["\"The contract does not change that.\""] == "sourced_argument"
    assert labels["In a dissent, Chief Justice Tom Reyes wrote that the ruling went further than the law allowed."] == "sourced_argument"
    assert labels["Kellport Ferries said it would appeal."] == "attributed_claim"
    # "justice" as a common noun is no title.
    text = "Campaigners said justice had not been done.\n"
    assert _rule_labels(text)["Campaigners said justice had not been done."] == "attributed_claim"


def test_disclaimers_corrections_feedback_widgets_comment_rules_and_licences_are_furniture():
    text = (
        "Skip to content\n"
        "Home › Health › Sleep and wellbeing at home\n\n"
        "Pinewell launches a bedtime tracker for shift workers\n\n"
        "Pinewell said on Monday that its new tracker would go on sale in March for £49.\n\n"
        "The tracker records how long a wearer sleeps and sends a weekly summary to a phone.\n\n"
        "Typical results may vary.\n\n"
        "Pinewell does not guarantee better sleep for any wearer.\n\n"
        "A previous version of this story misspelled the name of the company's founder.\n\n"
        "Was this article helpful?\n\n"
        "By submitting a comment you agree to our community guidelines.\n\n"
        "Text is available under the Open Fernhill Licence, except where otherwise noted\n"
    )
    labels = _rule_labels(text)
    for line in (
        "Skip to content",
        "Home › Health › Sleep and wellbeing at home",
        "Typical results may vary.",
        "Pinewell does not guarantee better sleep for any wearer.",
        "A previous version of this story misspelled the name of the company's founder.",
        "Was this article helpful?",
        "By submitting a comment you agree to our community guidelines.",
        "Text is available under the Open Fernhill Licence, except where otherwise noted",
    ):
        assert labels[line] == "boilerplate", line
    assert labels["Pinewell said on Monday that its new tracker would go on sale in March for £49."] != "boilerplate"
    # a disclaimer needs a name opening the sentence: a clause in the body stays body text
    text = "The new law does not guarantee a place for every child, campaigners said.\n"
    assert _rule_labels(text)["The new law does not guarantee a place for every child, campaigners said."] != "boilerplate"


def test_mastheads_taglines_summary_box_headings_credits_and_writer_bios_are_furniture():
    text = (
        "The Dunmore Courier\n"
        "Opinion › Town life\n\n"
        "Columnist\n"
        "Our high street needs fewer plans. It needs open doors\n\n"
        "Tom Okri · Tue 3 Mar 2026 08.00 GMT\n\n"
        "Key points\n"
        "The council has approved a fourth plan for the high street in ten years.\n\n"
        "Nine of the 40 shops on the street are empty, up from four in 2021.\n\n"
        "A view of the empty units on Mill Lane. Credit: Dunmore Courier / data from the council\n\n"
        "The plans have been good. The doors have stayed shut.\n\n"
        "Funding\n"
        "The survey of shop owners was paid for by the town's business group.\n\n"
        "Tom Okri is a Courier columnist and the author of Shutters Down: A Year on the High Street\n\n"
        "© 2026 Dunmore Courier Media\n"
    )
    labels = _rule_labels(text)
    for line in ("The Dunmore Courier", "Key points", "Credit: Dunmore Courier / data from the council", "Funding",
                 "Tom Okri is a Courier columnist and the author of Shutters Down: A Year on the High Street"):
        assert labels[line] == "boilerplate", line
    # the heading of a summary box or of the foot is furniture; what sits under it is not
    assert labels["The council has approved a fourth plan for the high street in ten years."] == "reported_fact"
    assert labels["The survey of shop owners was paid for by the town's business group."] != "boilerplate"
    text = "Glenmoor Voice – news for Glenmoor, Ashby and the lower valley\n\nPool to close for repairs\n\nThe pool will shut on 4 May.\n"
    assert _rule_labels(text)["Glenmoor Voice – news for Glenmoor, Ashby and the lower valley"] == "boilerplate"


def test_a_contributor_line_next_to_the_byline_is_furniture():
    text = (
        "Comment\n"
        "Why the night bus deserves a second chance\n"
        "Priya Vale is a councillor for Eastholm and chair of the transport committee\n"
        "By Priya Vale\n\n"
        "The night bus from Eastholm stopped running in May.\n\n"
        "It carried 300 people a week, most of them going to work.\n"
    )
    labels = _rule_labels(text)
    assert labels["Priya Vale is a councillor for Eastholm and chair of the transport committee"] == "boilerplate"
    assert labels["The night bus from Eastholm stopped running in May."] == "reported_fact"


def test_listeners_and_press_releases_are_not_experts_and_record_keepers_report_counts():
    text = (
        "Rowan Foods agrees to buy rival bakery chain\n\n"
        "Rowan Foods will buy Kettle Bakeries for £300m, the companies said on Monday.\n\n"
        "\"No shop will close because of this deal,\" chief executive Ada Brandt told analysts on a call.\n\n"
        "The university's press release described the deal as \"a model for the industry\".\n\n"
        "The flood agency said 320 homes had been damaged by Sunday evening.\n\n"
        "At least 12 roads were still closed on Monday, the highways agency said.\n\n"
        "The agency said it expects the repairs to take 4 months.\n"
    )
    labels = _rule_labels(text)
    assert labels["\"No shop will close because of this deal,\" chief executive Ada Brandt told analysts on a call."] == "attributed_claim"
    assert labels["The university's press release described the deal as \"a model for the industry\"."] == "attributed_claim"
    assert labels["The flood agency said 320 homes had been damaged by Sunday evening."] == "reported_fact"
    assert labels["At least 12 roads were still closed on Monday, the highways agency said."] == "reported_fact"
    # a plan or forecast is still the body's own claim
    assert labels["The agency said it expects the repairs to take 4 months."] == "attributed_claim"
    # an analyst who speaks is still an expert
    text = "Rates will fall next year, analyst Jo Marr at Fenbury Bank told reporters.\n"
    assert _rule_labels(text)["Rates will fall next year, analyst Jo Marr at Fenbury Bank told reporters."] == "sourced_argument"


def test_here_is_why_lines_open_a_curiosity_gap():
    text = (
        "Fernway opens a repair café for bicycles\n\n"
        "Fernway council opened a repair café for bicycles on Saturday.\n\n"
        "Here's why cyclists are queuing\n\n"
        "The café fixed 40 bicycles on its first day.\n"
    )
    assert _rule_labels(text)["Here's why cyclists are queuing"] == "headline_teaser"


# --- round 9 -------------------------------------------------------------------------------

def test_an_experts_standing_carries_through_a_long_quote_and_the_sentences_that_go_on_with_it():
    text = (
        "Kelp forests are moving north, divers say\n\n"
        "Professor Ada Lind, a marine ecologist at the University of Westhaven, has dived the same reef for 12 years.\n\n"
        "In a 2024 paper, she and her colleagues reported that the kelp had crept 40 kilometres north.\n\n"
        "\"The forests are not dying,\" Lind told me. \"They are moving. A warm winter sends them uphill, so to speak. That is not decline.\"\n\n"
        "To Lind, the coast is a moving target rather than a dying one.\n\n"
        "Dr Tom Reyes, who runs the algae lab at the Northfield Institute, thinks this is too hopeful.\n\n"
        "Nor, in his view, do the surveys cover enough of the coast.\n\n"
        "His conclusion is that the retreat is patchy.\n\n"
        "Former goalkeeper and radio pundit Sam Holt said the back line had collapsed. \"They pushed up too high. Every long ball hurt them,\" Holt said.\n"
    )
    labels = _rule_labels(text)
    for sentence in (
        "In a 2024 paper, she and her colleagues reported that the kelp had crept 40 kilometres north.",
        "\"The forests are not dying,\" Lind told me.",
        "\"They are moving.",
        "A warm winter sends them uphill, so to speak.",
        "That is not decline.\"",
        "To Lind, the coast is a moving target rather than a dying one.",
        "Dr Tom Reyes, who runs the algae lab at the Northfield Institute, thinks this is too hopeful.",
        "Nor, in his view, do the surveys cover enough of the coast.",
        "His conclusion is that the retreat is patchy.",
        "Former goalkeeper and radio pundit Sam Holt said the back line had collapsed.",
        "\"They pushed up too high.",
        "Every long ball hurt them,\" Holt said.",
    ):
        assert labels[sentence] == "sourced_argument", sentence


def test_research_verbs_attribute_only_to_named_experts_and_a_research_publishers_own_authors():
    text = (
        "App use doubles in a year\n\n"
        "The firm estimates that 3 million people now use the app.\n\n"
        "I think the roll-out was rushed.\n\n"
        "Sleep improved after six weeks, researchers reported on Monday.\n\n"
        "Here's why our experts think it is a two-horse race\n"
    )
    labels = _rule_labels(text)
    assert labels["The firm estimates that 3 million people now use the app."] == "reported_fact"
    assert labels["I think the roll-out was rushed."] != "attributed_claim"
    assert labels["Sleep improved after six weeks, researchers reported on Monday."] != "sourced_argument"
    assert labels["Here's why our experts think it is a two-horse race"] != "sourced_argument"
    page = (
        "Westmere Institute › Research › Rail\n"
        "Briefing paper · 2 December 2026\n"
        "The hidden cost of late trains\n\n"
        "Late trains cost commuters time and money.\n\n"
        "• We estimate that delays cost the region £20m a year.\n\n"
        "Our new analysis of ticket data suggests that most delays start at two junctions.\n"
    )
    labels = _rule_labels(page)
    assert labels["• We estimate that delays cost the region £20m a year."] == "sourced_argument"
    assert labels["Our new analysis of ticket data suggests that most delays start at two junctions."] == "sourced_argument"
    # without a research body above the body, "we" is the writer's voice
    assert _rule_labels(page.split("\n", 2)[2])["• We estimate that delays cost the region £20m a year."] != "sourced_argument"


def test_an_issuers_own_managers_speak_for_it_in_a_press_release_and_a_ministry_is_no_judge():
    text = (
        "PRESS RELEASE\n\n"
        "Northfield chemists find a cheaper catalyst\n\n"
        "Chemists at the University of Northfield have found a catalyst that costs a tenth of platinum.\n\n"
        "Dr Ann Lee, lead author of the study, said the results were robust across 40 trials.\n\n"
        "Professor Jo Marr, Head of the School of Chemistry, said: \"This shows once again that Northfield leads the field.\"\n\n"
        "Media contact\n\n"
        "press@northfield.example\n"
    )
    labels = _rule_labels(text)
    assert labels["Dr Ann Lee, lead author of the study, said the results were robust across 40 trials."] == "sourced_argument"
    assert labels["Professor Jo Marr, Head of the School of Chemistry, said: \"This shows once again that Northfield leads the field.\""] == "attributed_claim"
    # outside a press release the same words keep the professor's standing
    news = text.replace("PRESS RELEASE\n\n", "").replace("Media contact\n\npress@northfield.example\n", "")
    assert _rule_labels(news)["Professor Jo Marr, Head of the School of Chemistry, said: \"This shows once again that Northfield leads the field.\""] == "sourced_argument"
    text = "Knife crime falls\n\nA spokesperson for the Justice Ministry said the figures were \"accurate and fair\".\n"
    assert _rule_labels(text)["A spokesperson for the Justice Ministry said the figures were \"accurate and fair\"."] == "attributed_claim"


def test_a_quote_introduced_by_a_colon_line_or_broken_over_lines_keeps_its_speaker():
    text = (
        "New bridge for the valley\n\n"
        "The Fenby bridge will open in March.\n\n"
        "Transport Minister Ola Berg said:\n"
        "\"This bridge will open on time and on budget.\n"
        "It is part of our promise to the valley.\"\n\n"
        "Professor Ines Holt, a materials scientist at the University of Fenby, has tested the deck for two years.\n\n"
        "When I asked Holt what worried her most, her answer came at once:\n\n"
        "\"It is the winter. Salt gets into everything.\"\n"
    )
    labels = _rule_labels(text)
    assert labels["\"This bridge will open on time and on budget."] == "attributed_claim"
    assert labels["It is part of our promise to the valley.\""] == "attributed_claim"
    assert labels["\"It is the winter."] == "sourced_argument"
    assert labels["Salt gets into everything.\""] == "sourced_argument"


def test_a_fact_checks_claim_label_and_readers_comments_are_claims():
    text = (
        "Has crime really halved?\n\n"
        "Claim: \"Crime in Fenby has halved since we took office.\" — Home Minister Ola Berg, 2 December 2026\n\n"
        "Recorded crime in Fenby fell by 17% between 2021 and 2026.\n\n"
        "2 comments\n"
        "RiverMum · 3 Dec 2026, 9:12 AM\n"
        "They never listen to anyone who lives here.\n"
        "KB_77 · 3 Dec 2026, 10:01 AM\n"
        "Heard from a driver that the road will shut again.\n"
    )
    labels = _rule_labels(text)
    assert labels["Claim: \"Crime in Fenby has halved since we took office.\" — Home Minister Ola Berg, 2 December 2026"] == "attributed_claim"
    assert labels["They never listen to anyone who lives here."] == "attributed_claim"
    assert labels["Heard from a driver that the road will shut again."] == "attributed_claim"
    assert labels["RiverMum · 3 Dec 2026, 9:12 AM"] == "boilerplate"


def test_a_match_reports_score_lines_ratings_verdicts_and_betting_notices():
    text = (
        "Soccer Weekly › Football › County Cup\n"
        "FT | Fenby Town 3-2 Ashworth Athletic\n"
        "HT 1-1 · Attendance 4,210 · Mill Road\n\n"
        "LATE WINNER! Town stun Ashworth in the 94th minute — and the manager's face says it all\n\n"
        "By Jo Hale, Football Writer | Saturday 5 December 2026, 5:40 PM\n\n"
        "Fenby Town beat Ashworth Athletic 3-2 at Mill Road, with the winner arriving in the 94th minute.\n\n"
        "Ashworth led twice through headers from corners before the break and again early in the second half.\n\n"
        "Player ratings\n"
        "Fenby Town: Roe 6; Poe 7, Doe 7, Moe 5; Lee 8, Kay 6\n"
        "Star man: Ben Kay — ran the midfield for 90 minutes\n"
        "Lee 8/10 - scored twice and never stopped running\n\n"
        "READ MORE: Why Ashworth's record signing is struggling\n"
        "Who will win the Cup? Here's why our pundits think it's a two-horse race\n\n"
        "Odds correct at time of publication and subject to change. Over-18s only.\n"
    )
    labels = _rule_labels(text)
    assert labels["FT | Fenby Town 3-2 Ashworth Athletic"] == "reported_fact"
    assert labels["HT 1-1 · Attendance 4,210 · Mill Road"] == "reported_fact"
    assert labels["LATE WINNER!"] == "headline_teaser"
    assert labels["Town stun Ashworth in the 94th minute — and the manager's face says it all"] == "headline_teaser"
    assert labels["Player ratings"] == "boilerplate"
    assert labels["Fenby Town: Roe 6; Poe 7, Doe 7, Moe 5; Lee 8, Kay 6"] == "editorial_framing"
    assert labels["Star man: Ben Kay — ran the midfield for 90 minutes"] == "editorial_framing"
    assert labels["Lee 8/10 - scored twice and never stopped running"] == "editorial_framing"
    assert labels["Who will win the Cup?"] == "headline_teaser"
    assert labels["Here's why our pundits think it's a two-horse race"] == "headline_teaser"
    assert labels["Odds correct at time of publication and subject to change."] == "boilerplate"
    assert labels["Over-18s only."] == "boilerplate"


def test_a_campaign_banner_its_appeal_and_donation_furniture():
    text = (
        "We use cookies to improve your experience.\n\n"
        "Riverside Relief\n"
        "Home / Our work / Appeals\n\n"
        "FLOOD APPEAL\n"
        "Every night, Sami sleeps on a roof above the water. You can help him TONIGHT.\n"
        "Donate now\n\n"
        "The flood has covered 40 villages since October, and tonight more rain is forecast for the valley.\n\n"
        "£25 could buy a blanket and a lamp for a family.\n"
        "Donate £10 | Donate £50 | Choose your own amount\n\n"
        "Registered charity no. 1234567.\n"
        "Registered office: 1 Mill Lane, Fenby.\n"
    )
    labels = _rule_labels(text)
    assert labels["FLOOD APPEAL"] == "headline_teaser"
    assert labels["Every night, Sami sleeps on a roof above the water."] == "headline_teaser"
    assert labels["You can help him TONIGHT."] == "headline_teaser"
    assert labels["£25 could buy a blanket and a lamp for a family."] == "boilerplate"
    assert labels["Donate £10 | Donate £50 | Choose your own amount"] == "boilerplate"
    assert labels["Registered charity no. 1234567."] == "boilerplate"
    assert labels["Registered office: 1 Mill Lane, Fenby."] == "boilerplate"
    # a publication's name in capitals over a headline is still the masthead
    text = "THE FENBY POST\nFerry fares to rise in May\n\nFerry fares will rise by 5% in May, the operator said.\n"
    assert _rule_labels(text)["THE FENBY POST"] == "boilerplate"


def test_wire_slugs_downloads_citations_methodology_links_and_bio_continuations():
    text = (
        "UPDATE 2-Storm kills at least 12 in coastal towns, disaster agency says\n\n"
        "By Ann Roe\n\n"
        "At least 12 people died when a storm hit the coast on Monday, the agency said.\n\n"
        "Download the full report (PDF, 1.4 MB)\n\n"
        "Cite this report: Roe A, Lee B (2026) Storm damage on the coast, Fenby Institute Report 12\n\n"
        "How we rate claims: True, Mostly true, Misleading, False\n"
    )
    labels = _rule_labels(text)
    assert labels["UPDATE 2-Storm kills at least 12 in coastal towns, disaster agency says"] == "reported_fact"
    assert labels["Download the full report (PDF, 1.4 MB)"] == "boilerplate"
    assert labels["Cite this report: Roe A, Lee B (2026) Storm damage on the coast, Fenby Institute Report 12"] == "boilerplate"
    assert labels["How we rate claims: True, Mostly true, Misleading, False"] == "boilerplate"
    text = (
        "Why the tide is rising faster\n\n"
        "By Ann Roe\n\n"
        "Sea levels on the Fenby coast rose 4mm last year.\n\n"
        "The harbour wall was raised in 2019.\n\n"
        "The council will review the wall in 2027.\n\n"
        "Ann Roe is a science writer based in Fenby. Her latest book, Tides, is published by Mill Press.\n"
    )
    labels = _rule_labels(text)
    assert labels["Ann Roe is a science writer based in Fenby."] == "boilerplate"
    assert labels["Her latest book, Tides, is published by Mill Press."] == "boilerplate"


def test_continuations_idioms_group_authors_and_plain_word_framing():
    text = (
        "Court widens the meaning of work\n\n"
        "\"Time spent waiting at the gate is time at work,\" Justice Ada Reyes wrote for the majority.\n"
        "Under that test, time spent changing into uniform could also have to be paid.\n\n"
        "The report's authors argue that the losses are speeding up. They conclude that only a ban will work.\n\n"
        "Professor Ines Carr, a hydrologist at the University of Fenby, has measured the river for years. "
        "She is careful to add that two winters are not proof.\n\n"
        "His reaction says it all.\n\n"
        "Every party tells the same story about the figures.\n\n"
        "In a brazen raid, thieves cut through the fence with bolt cutters.\n\n"
        "Commuters will be left wondering how the thieves got in so easily.\n"
    )
    labels = _rule_labels(text)
    assert labels["Under that test, time spent changing into uniform could also have to be paid."] == "sourced_argument"
    assert labels["The report's authors argue that the losses are speeding up."] == "sourced_argument"
    assert labels["They conclude that only a ban will work."] == "sourced_argument"
    assert labels["She is careful to add that two winters are not proof."] == "sourced_argument"
    assert labels["His reaction says it all."] != "attributed_claim"
    assert labels["Every party tells the same story about the figures."] != "attributed_claim"
    assert labels["In a brazen raid, thieves cut through the fence with bolt cutters."] == "editorial_framing"
    assert labels["Commuters will be left wondering how the thieves got in so easily."] == "editorial_framing"


def test_findings_of_a_group_its_authors_and_unnamed_analysts():
    text = (
        "Screens and speech\n\n"
        "Researchers at the University of Fenby followed 800 toddlers for two years.\n\n"
        "They found no link between screen hours and speech once family income was taken into account.\n\n"
        "A report by the Fenby Payments Observatory was published in May. Its authors argue that late payment sinks small firms.\n\n"
        "Police found a bag near the bridge on Tuesday.\n\n"
        "Her chances in the November vote depend on Ola Berg's support, analyst says.\n\n"
        "Ola Berg said the plan would work.\n\n"
        "The agency says the maps were redrawn in 2024.\n"
    )
    labels = _rule_labels(text)
    assert labels["They found no link between screen hours and speech once family income was taken into account."] == "sourced_argument"
    assert labels["Its authors argue that late payment sinks small firms."] == "sourced_argument"
    assert labels["Police found a bag near the bridge on Tuesday."] == "reported_fact"
    assert labels["Her chances in the November vote depend on Ola Berg's support, analyst says."] == "sourced_argument"
    # the politician named in the analyst's sentence is not the analyst
    assert labels["Ola Berg said the plan would work."] == "attributed_claim"
    # a year is not a count: the agency's account of a past decision stays its claim
    assert labels["The agency says the maps were redrawn in 2024."] == "attributed_claim"


def test_more_link_tags_picture_calls_capital_read_times_from_lines_and_press_offers():
    text = (
        "From: Department for Rivers and Ola Berg MP\n"
        "4 MIN READ\n"
        "SEE THE PICS\n"
        "Scroll down for video\n\n"
        "River defences get £40m\n\n"
        "The government will spend £40m on river defences, it said on Monday.\n\n"
        "YOU MIGHT ALSO LIKE: Engineers finally explain why your roof LEAKS in winter\n\n"
        "High-resolution images of the new barrier are available on request.\n\n"
        "• Guidance for applicants is available on the River Defence Fund page.\n"
    )
    labels = _rule_labels(text)
    assert labels["From: Department for Rivers and Ola Berg MP"] == "boilerplate"
    assert labels["4 MIN READ"] == "boilerplate"
    assert labels["SEE THE PICS"] == "headline_teaser"
    assert labels["Scroll down for video"] == "boilerplate"
    assert labels["YOU MIGHT ALSO LIKE: Engineers finally explain why your roof LEAKS in winter"] == "headline_teaser"
    assert labels["High-resolution images of the new barrier are available on request."] == "boilerplate"
    assert labels["• Guidance for applicants is available on the River Defence Fund page."] == "boilerplate"


def test_a_pronoun_opening_a_coordination_a_data_phrase_before_they_and_an_unattributed_quote_paragraph():
    text = (
        "Do hedges cool streets?\n\n"
        "A study by Ada Lind and Tom Reyes was published in June.\n\n"
        "They mapped hedges across the city and found that the greenest streets were 2C cooler.\n\n"
        "Using weather data from Fenby, they argue that the effect is strongest at night.\n\n"
        "We asked Ines Carr, an epidemiologist at the University of Fenby, to weigh up the two findings.\n\n"
        "\"It is a careful paper. I would not expect the same effect in a windy town.\"\n"
    )
    labels = _rule_labels(text)
    assert labels["They mapped hedges across the city and found that the greenest streets were 2C cooler."] == "sourced_argument"
    assert labels["Using weather data from Fenby, they argue that the effect is strongest at night."] == "sourced_argument"
    assert labels["\"It is a careful paper."] == "sourced_argument"
    assert labels["I would not expect the same effect in a windy town.\""] == "sourced_argument"
    # the sentence that introduces her is the writer's report, not her argument
    assert labels["We asked Ines Carr, an epidemiologist at the University of Fenby, to weigh up the two findings."] != "sourced_argument"


def test_tabloid_drama_and_shouted_words_in_the_body_are_the_outlets_framing():
    text = (
        "Soap star quits\n\n"
        "SUNSET Lane was plunged into chaos last night after star Mia Hart stormed off set, sources said. "
        "She had filmed 40 episodes.\n\n"
        "Fans have been FURIOUS about the new script for weeks. The show returns in May.\n\n"
        "The sunset scenes were filmed in Fenby.\n"
    )
    labels = _rule_labels(text)
    assert labels["Fans have been FURIOUS about the new script for weeks."] == "editorial_framing"
    assert labels["She had filmed 40 episodes."] == "reported_fact"
    assert labels["The show returns in May."] == "reported_fact"


def test_short_capitals_in_a_body_sentence_are_acronyms_not_shouting():
    text = (
        "Vaccine advice changes\n\n"
        "The WHO list of essential medicines keeps growing, and who gets them varies by country. Doctors get new guidance in May.\n\n"
        "Clinics will open at 8am.\n"
    )
    labels = _rule_labels(text)
    assert labels["The WHO list of essential medicines keeps growing, and who gets them varies by country."] == "reported_fact"


def test_answers_in_a_question_and_answer_interview_are_the_interviewees():
    text = (
        "\"The river will flood again\": a hydrologist on the winter ahead\n\n"
        "Dr Ines Carr, a hydrologist at the University of Fenby, has studied the Fen for twenty years. We asked her about the winter.\n\n"
        "Q: Will the river flood again this winter?\n\n"
        "A: Almost certainly. The ground is already full of water, so every storm runs straight off.\n\n"
        "Q: What should the council do?\n\n"
        "A: Clear the drains before December. It costs little and it works.\n\n"
        "That is a job for the new year, the council said.\n"
    )
    labels = _rule_labels(text)
    for sentence in ("A: Almost certainly.", "The ground is already full of water, so every storm runs straight off.",
                     "A: Clear the drains before December.", "It costs little and it works."):
        assert labels[sentence] == "sourced_argument", sentence
    assert labels["Q: Will the river flood again this winter?"] != "sourced_argument"
    assert labels["That is a job for the new year, the council said."] == "attributed_claim"
    # without an expert introduced, the interviewee is a party
    party = text.replace("Dr Ines Carr, a hydrologist at the University of Fenby, has studied", "Ines Carr has farmed")
    assert _rule_labels(party)["It costs little and it works."] == "attributed_claim"


# --- round 10 ---------------------------------------------------------------------------------

def test_service_widgets_access_links_event_promotions_and_page_notes_are_furniture():
    text = (
        "Fenby FM 98.2\n"
        "Listen live\n"
        "Now playing: The Larks – Summer Road\n\n"
        "Ferry fares to rise in spring\n"
        "By Ola Berg, Fenby FM News\n"
        "08:15, Monday 3 March 2026\n\n"
        "Ferry fares will rise by 5% in April, the operator said on Monday.\n\n"
        "Listen to an audio version of this article\n"
        "Watch this story in British Sign Language (BSL)\n\n"
        "Weather: Fenby 9°C, sunny spells after a misty start\n"
        "Travel: A12 southbound – delays of 20 minutes near the bridge\n\n"
        "Book now for the Coast Business Awards 2027 – 4 June, Pier Hall. Early-bird tables close on 1 May.\n\n"
        "___\n\n"
        "Staff writer Ann Poe contributed to this report.\n"
    )
    labels = _rule_labels(text)
    for line in ("Listen live", "Now playing: The Larks – Summer Road", "08:15, Monday 3 March 2026",
                 "Listen to an audio version of this article", "Watch this story in British Sign Language (BSL)",
                 "Weather: Fenby 9°C, sunny spells after a misty start",
                 "Travel: A12 southbound – delays of 20 minutes near the bridge",
                 "Book now for the Coast Business Awards 2027 – 4 June, Pier Hall.", "Early-bird tables close on 1 May.",
                 "___", "Staff writer Ann Poe contributed to this report."):
        assert labels[line] == "boilerplate", line
    assert labels["Ferry fares will rise by 5% in April, the operator said on Monday."] != "boilerplate"


def test_advice_column_notes_a_readers_letter_and_its_signature():
    text = (
        "The Fenby Mercury\n"
        "Money | Your questions\n\n"
        "'My builder vanished with my deposit – can I get it back?'\n"
        "By Tom Reyes\n\n"
        "Dear Tom, in May I paid a builder £900 to fix my roof and he never came back. His phone is dead. Is that even legal?\n"
        "Marta K, Ashwell\n\n"
        "You paid by card, so your card company may be able to help.\n\n"
        "We cannot answer letters personally. Replies are for general guidance only and are not regulated legal advice.\n\n"
        "This interview has been edited for length and clarity.\n"
    )
    labels = _rule_labels(text)
    assert labels["Money | Your questions"] == "boilerplate"
    assert labels["Marta K, Ashwell"] == "boilerplate"
    for sentence in ("His phone is dead.", "Is that even legal?"):
        assert labels[sentence] == "attributed_claim", sentence
    for sentence in ("We cannot answer letters personally.",
                     "Replies are for general guidance only and are not regulated legal advice.",
                     "This interview has been edited for length and clarity."):
        assert labels[sentence] == "boilerplate", sentence


def test_a_section_label_and_the_writers_name_alone_over_the_date_are_furniture():
    text = (
        "The Fenby Mercury\n"
        "Opinion | Roads and transport\n\n"
        "A bypass nobody asked for\n"
        "The county wants a new road. It should think again\n\n"
        "Ola Berg\n"
        "Mon 3 Mar 2026 07.00 GMT\n\n"
        "The county will vote on the bypass in June.\n"
    )
    labels = _rule_labels(text)
    assert labels["Opinion | Roads and transport"] == "boilerplate"
    assert labels["Ola Berg"] == "boilerplate"
    # a short headline over a byline is still the headline, not a name
    short = "Storm Ciara\nBy Ola Berg\n\nThe storm closed 40 roads on Monday, police said.\n"
    assert _rule_labels(short)["Storm Ciara"] != "boilerplate"
    obituary = (
        "The Fenby Post\n"
        "Obituaries\n\n"
        "Ann Lind (1941–2026)\n"
        "Chemist who taught a town to test its water\n\n"
        "Ann Lind, who has died aged 84, was a water chemist at the Fenby Institute.\n"
    )
    assert _rule_labels(obituary)["Obituaries"] == "boilerplate"


def test_previews_of_the_next_issue_and_curiosity_standfirsts_are_teasers():
    text = (
        "Fenby Letters\n\n"
        "Do speed bumps slow anyone down? Here's what ten years of counts show\n"
        "By Ola Berg\n\n"
        "The county fitted 40 speed bumps in 2016.\n\n"
        "Average speeds fell by 3mph on the streets with bumps.\n\n"
        "Next week: the one junction every cyclist fears, and why it keeps getting worse\n\n"
        "For paid subscribers: what a full redesign would cost, and who would pay\n"
    )
    labels = _rule_labels(text)
    assert labels["Next week: the one junction every cyclist fears, and why it keeps getting worse"] == "headline_teaser"
    assert labels["For paid subscribers: what a full redesign would cost, and who would pay"] == "headline_teaser"
    from quizzes.analysis.lexicons import TEASER_MARKERS
    gap = next(lexicon for lexicon in TEASER_MARKERS if lexicon.name == "curiosity gap")
    assert gap.pattern.search("Here's what ten years of counts show")
    assert not gap.pattern.search("Here's what the council said: the bumps stay.")


def test_tabloid_bullets_with_a_figure_or_a_claim_are_not_links():
    text = (
        "DAILY FLARE\n\n"
        "EXPERTS WARN: Your kettle could be RUINING your tea\n"
        "You won't believe the mistake millions make every morning\n\n"
        "• Kettle sales have doubled in ten years\n"
        "• Insiders claim makers have known about the problem for years\n\n"
        "Tea drinkers across the country are being told to rethink their morning routine.\n"
    )
    labels = _rule_labels(text)
    assert labels["• Kettle sales have doubled in ten years"] != "headline_teaser"
    assert labels["• Insiders claim makers have known about the problem for years"] == "attributed_claim"


def test_single_quotation_marks_quote_when_a_text_has_no_double_ones():
    text = (
        "Kettle warning\n\n"
        "Dentist Dr Mia Hart, of the University of Fenby, told the Flare: 'Boiling hard water leaves scale. "
        "If you drink it all day, your teeth never get a rest, because the minerals build up.'\n\n"
        "'Descale it once a month and you will be fine.'\n\n"
        "It's the farmers' busiest week, and the 'fresh' claims are everywhere.\n"
    )
    labels = _rule_labels(text)
    assert labels["If you drink it all day, your teeth never get a rest, because the minerals build up.'"] == "sourced_argument"
    assert labels["'Descale it once a month and you will be fine.'"] == "sourced_argument"
    from quizzes.analysis.quotes import quotations
    assert quotations("It's the farmers' busiest week, and the 'fresh' claims are everywhere.") == []


def test_interview_turns_under_names_and_initials_belong_to_the_interviewee():
    text = (
        "Fenby Review\n\n"
        "Why your commute might be good for you\n"
        "In her new book, geographer Ada Lind argues that the journey to work is the best part of the day.\n\n"
        "Fenby Review: Most people hate commuting. What did you find?\n\n"
        "Ada Lind: The people who walked or cycled were happier when they arrived. The effect was small but steady.\n\n"
        "FR: Isn't that just because happy people cycle?\n\n"
        "AL: That was my first worry too. So we compared days when trains were cancelled and people had to walk.\n\n"
        "FR: And?\n\n"
        "AL: The lift was still there. The national travel survey shows trips fell from 40 minutes to 31.\n"
    )
    labels = _rule_labels(text)
    for sentence in ("The effect was small but steady.", "AL: That was my first worry too.",
                     "So we compared days when trains were cancelled and people had to walk."):
        assert labels[sentence] == "sourced_argument", sentence
    assert labels["FR: Isn't that just because happy people cycle?"] != "sourced_argument"
    # a statistic from elsewhere inside an answer stays a fact
    assert labels["The national travel survey shows trips fell from 40 minutes to 31."] == "reported_fact"


def test_obituary_tributes_are_claims_while_the_subjects_own_work_stays_sourced():
    text = (
        "Obituaries\n\n"
        "Ann Lind (1941–2026)\n"
        "Chemist who taught a town to test its water\n\n"
        "Ann Lind, who has died aged 84, was a water chemist whose work changed how councils think about lead pipes.\n\n"
        "In 1979 she showed that old pipes leached lead into soft water. In retirement she wrote a short memoir, A Quiet River (2012).\n\n"
        "Professor Tom Reyes, who succeeded her at the Fenby Institute, said: \"Ann read every draft we wrote. She made us all braver.\"\n"
    )
    labels = _rule_labels(text)
    assert labels["In 1979 she showed that old pipes leached lead into soft water."] == "sourced_argument"
    assert labels["In retirement she wrote a short memoir, A Quiet River (2012)."] == "reported_fact"
    assert labels["Professor Tom Reyes, who succeeded her at the Fenby Institute, said: \"Ann read every draft we wrote."] == "attributed_claim"
    assert labels["She made us all braver.\""] == "attributed_claim"
    # outside an obituary the professor's words keep their standing
    plain = text.replace("Obituaries\n\n", "").replace(", who has died aged 84,", "")
    assert _rule_labels(plain)["She made us all braver.\""] == "sourced_argument"


def test_according_to_a_named_expert_and_a_speaker_who_leads_a_survey():
    text = (
        "Milk prices\n\n"
        "Dairies paid 38p a litre in May.\n\n"
        "That average is misleading, according to Ines Carr, an economist at the University of Fenby.\n\n"
        "Farm economist Dr Mia Hart, who leads the survey, said the average hides a wide spread.\n\n"
        "Prices fell by 2p, according to figures from the Milk Board.\n"
    )
    labels = _rule_labels(text)
    assert labels["That average is misleading, according to Ines Carr, an economist at the University of Fenby."] == "sourced_argument"
    assert labels["Farm economist Dr Mia Hart, who leads the survey, said the average hides a wide spread."] == "sourced_argument"
    assert labels["Prices fell by 2p, according to figures from the Milk Board."] == "reported_fact"


def test_claiming_money_is_no_claim_and_her_reasoning_gives_the_experts_view():
    text = (
        "Refund row\n\n"
        "Dr Ada Lind, an economist at the University of Fenby, studied 400 refunds. Her reasoning is that banks pay when pressed.\n\n"
        "Go back to your card company and claim the remaining £900 as well.\n\n"
        "You can also claim back the booking fee.\n\n"
        "The firm claims the delay was the airline's fault.\n"
    )
    labels = _rule_labels(text)
    assert labels["Her reasoning is that banks pay when pressed."] == "sourced_argument"
    assert labels["Go back to your card company and claim the remaining £900 as well."] != "attributed_claim"
    assert labels["You can also claim back the booking fee."] != "attributed_claim"
    assert labels["The firm claims the delay was the airline's fault."] == "attributed_claim"


# --- round 11: generic line-shape evidence for the model ----------------------------------------

def _shape_features(text: str) -> dict[str, dict[str, float]]:
    from quizzes.analysis.analyzer import run_rules
    from quizzes.analysis.features import passage_features

    document = run_rules(text)
    return {s.text.strip(): row for s, row in zip(document.sentences, passage_features(document))}


_SHAPE_ARTICLE = (
    "Harbour trust doubles its ferry grants\n\n"
    "By Mara Quillfeather\n\n"
    "The Pellmouth harbour trust doubled its grants to island ferry operators on Monday, after two winters of "
    "cancelled crossings left islanders without post for days. The trust said the money would pay for spare engines.\n\n"
    "Operators have asked for help since 2019. Three of the five routes lost more than forty sailings last year.\n\n"
    "Ferry costs\n\n"
    "A return crossing now costs £14, and a car adds £31. The trust expects prices to fall when the new boats arrive.\n\n"
    "“We cannot run a lifeline on goodwill,” said Orla Penhallow, who chairs the operators' association. "
    "She said the grant was welcome.\n\n"
    "Renew your membership\n\n"
    "Donate to the lifeboat appeal\n\n"
    "Year of founding 1987\n\n"
    "Timetables correct at time of printing.\n\n"
    "PILOT This page is being tested – your comments help us improve it.\n\n"
    "Listen again at 7.15pm on Harbour Radio.\n"
)


def test_site_action_imperatives_open_short_lines_but_not_ordinary_sentences():
    rows = _shape_features(_SHAPE_ARTICLE)
    assert rows["Renew your membership"].get("shape:site_action*short") == 1.0
    assert rows["Donate to the lifeboat appeal"].get("shape:site_action*short") == 1.0
    assert rows["Listen again at 7.15pm on Harbour Radio."].get("shape:site_action") is None  # "again" is no object word
    assert rows["Listen again at 7.15pm on Harbour Radio."].get("shape:clock_time") == 1.0
    assert "shape:site_action" not in rows["Operators have asked for help since 2019."]
    # a capitalised "Report" that is a noun phrase's head stays out: "Report finds …" has no object word after it
    rows = _shape_features(_SHAPE_ARTICLE.replace("Renew your membership", "Report finds ferry delays doubled"))
    assert "shape:site_action" not in rows["Report finds ferry delays doubled"]


def test_verbless_short_lines_labels_with_numbers_prices_and_tags_are_seen_as_shapes():
    rows = _shape_features(_SHAPE_ARTICLE)
    label = rows["Year of founding 1987"]
    assert label.get("shape:verbless*short*outside_top") == 1.0 and label.get("shape:label_number") == 1.0
    note = rows["Timetables correct at time of printing."]
    assert note.get("shape:verbless*short*full_stop") == 1.0
    assert rows["Ferry costs"].get("shape:verbless*short") == 1.0
    # a finite verb (auxiliary, -ed past, pronoun subject) makes a clause, not a label
    for sentence in ("Operators have asked for help since 2019.", "She said the grant was welcome.",
                     "The Pellmouth harbour trust doubled its grants to island ferry operators on Monday,"):
        row = next(r for text, r in rows.items() if text.startswith(sentence[:30]))
        assert "shape:verbless" not in row, sentence
    assert rows["A return crossing now costs £14, and a car adds £31."].get("shape:price") == 1.0
    assert "shape:price" not in rows["Operators have asked for help since 2019."]
    assert rows["PILOT This page is being tested – your comments help us improve it."].get("shape:caps_tag_open") == 1.0
    assert "shape:caps_tag_open" not in rows["Ferry costs"]



def test_a_short_line_asking_the_reader_to_act_on_the_site_is_furniture():
    from quizzes.analysis.analyzer import analyze_rules
    from quizzes.analysis.layout import site_action_line

    for line in ("Renew your membership", "Donate to the lifeboat appeal", "Book a tour", "Sign up", "Subscribe"):
        assert site_action_line(line), line
    # a noun headline, a long sentence, an ordinary imperative with no site action, lower case
    for line in ("Report finds ferry delays doubled", "Visit the harbour at dawn and you will see the fleet come in",
                 "Imagine your town without a ferry", "renew your membership"):
        assert not site_action_line(line), line
    passages = analyze_rules(_SHAPE_ARTICLE)
    rules = {_SHAPE_ARTICLE[p.start:p.end]: p for p in passages}
    for line in ("Renew your membership", "Donate to the lifeboat appeal"):
        assert rules[line].label == "boilerplate"
        assert any("asks the reader to act" in cue.reason for cue in rules[line].cues)
        assert labels_of(_SHAPE_ARTICLE)[line] == "boilerplate"
    # in the top block (a headline that speaks to the reader) the rule does not apply
    top = "Join the harbour trust\n\n" + _SHAPE_ARTICLE
    rules = {top[p.start:p.end]: p.label for p in analyze_rules(top)}
    assert rules["Join the harbour trust"] != "boilerplate"


def test_lines_that_hold_back_an_answer_are_teasers_but_short_section_heads_are_not():
    text = (
        "Harbour Weekly\n\n"
        "Ferry fares rise by a third from May\n\n"
        "Return tickets on the Kellport ferry will cost £9.40 from 1 May, up from £4.70, the operator said on Monday. "
        "Fuel costs have risen by a third since 2024, it said.\n\n"
        "What happened in towns that lost their ferry\n\n"
        "Winter gales: will the crossings keep running?\n\n"
        "Island shop owners count the cost – and what they want from the council\n\n"
        "'We cannot keep paying this': the island families leaving for the mainland\n\n"
        "The one timetable change nobody on the island noticed\n\n"
        "The operator said a new vessel would enter service in 2027 and that fares would be reviewed each spring after that date.\n\n"
        "What you should do\n\n"
        "Passengers with tickets bought before 1 May can travel at the old fare until the end of June, the operator said in a statement.\n"
    )
    labels = _rule_labels(text)
    for line in ("What happened in towns that lost their ferry", "Winter gales: will the crossings keep running?",
                 "Island shop owners count the cost – and what they want from the council",
                 "'We cannot keep paying this': the island families leaving for the mainland",
                 "The one timetable change nobody on the island noticed"):
        assert labels[line] == "headline_teaser", line
    # a four-word head between paragraphs of prose signposts the page
    assert labels["What you should do"] == "boilerplate"


def test_an_interview_turn_and_an_explainers_question_are_not_labelled_questions():
    from quizzes.analysis import lexicons as lx

    held = next(lex for lex in lx.TEASER_MARKERS if lex.name == "labelled question").pattern
    assert held.search("5-day forecast: the calm after the storm?")
    assert not held.search("JO KING: Corinne, people call it a miracle – fair?")
    assert not held.search("Is this the end of the line?")
    gap = next(lex for lex in lx.TEASER_MARKERS if lex.name == "held-back answer").pattern
    assert gap.search("The clock that ran slow: what the workshop ledgers reveal")
    for line in ("Measles in Brindlecombe: what we know so far", "How to apply for the grant online today",
                 "He asked why the council had waited so long.", "What you should do"):
        assert not gap.search(line), line


def test_breadcrumbs_signatures_and_newsroom_notices_are_furniture():
    text = (
        "Home › News › Weather explained\n\n"
        "Letters to the editor\n\n"
        "Bypass will ruin our high street\n\n"
        "As a shopkeeper on Market Row for 23 years, I can tell you that the bypass will end passing trade. "
        "My takings fell by a third during the 2019 roadworks.\n"
        "Gwen Tallisk, Thistleby\n\n"
        "Nobody asked the villages\n\n"
        "The council says the route was chosen after wide consultation. Not one household in Pellow received a leaflet.\n"
        "Derek Olu, Pellow\n\n"
        "Letters may be edited for length and clarity.\n\n"
        "The Farrow Free Press is a nonprofit newsroom.\n\n"
        "Republish this story free of charge. Please credit the Farrow Free Press and link to the original.\n\n"
        "We may earn commission from links on this page.\n"
    )
    labels = _rule_labels(text)
    assert labels["Home › News › Weather explained"] == "boilerplate"  # "explained" is no reporting verb here
    for line in ("Gwen Tallisk, Thistleby", "Derek Olu, Pellow", "Letters may be edited for length and clarity.",
                 "The Farrow Free Press is a nonprofit newsroom.", "Please credit the Farrow Free Press and link to the original.",
                 "We may earn commission from links on this page."):
        assert labels[line] == "boilerplate", line
    # a letter's title after a signature has a verb: it is no link text of a notice
    assert labels["Nobody asked the villages"] != "boilerplate"


def test_a_first_participle_is_an_adjective_not_a_finite_verb():
    from quizzes.analysis.layout import has_finite_verb, line_tokens

    assert not has_finite_verb(line_tokens("Related reads"))
    assert not has_finite_verb(line_tokens("Featured stories"))
    assert has_finite_verb(line_tokens("Nobody asked the villages"))
    assert has_finite_verb(line_tokens("We wore five rings"))


_FURNITURE_PAGE = (
    "Parents › Newsletters › Issue 4, Spring Term 2027\n"
    "News  Travel  Weather  Sport  What's On  Contact\n"
    "Posted by the Parish News editor on 2 March 2027\n"
    "March 2, 2027 4:12 PM GMT Updated 37 mins ago\n"
    "Release date: 2 March 2027 9:30 AM\n\n"
    "Ferry timetable changes from April\n\n"
    "The Kellport ferry will run every forty minutes from 1 April, the operator said on Monday, up from every hour. "
    "It said the change follows a rise in passenger numbers of 12% since last spring.\n\n"
    "Island residents welcomed the change at a meeting on Tuesday evening. The operator answered their questions.\n"
    "Arthur Penrose, CEng (retired), Upper Kellport\n\n"
    "Join the harbour trust from £2.95 a week for news, events and a vote at the annual meeting.\n\n"
    "Our advice is given in good faith but is not a substitute for legal advice.\n\n"
    "This does not affect how we rank ferry operators.\n\n"
    "Embargoed copies of the timetable are available from the press office on request.\n\n"
    "If life is at risk, call the emergency services.\n\n"
    "Thanks for reading.\n\n"
    "Not a member yet?\n\n"
    "« Harbour minutes: February 2027 | Bin collections at Easter »\n\n"
    "Most Read\n"
    "Islanders stunned as the ferry cafe closes after just nine days of trading in the new terminal\n"
    "The harbour village just named the best place to live in the county – and it's not the one you think\n"
)


def test_round_13_furniture_shapes_breadcrumbs_sign_offs_offers_and_notices():
    labels = _rule_labels(_FURNITURE_PAGE)
    for line in ("Parents › Newsletters › Issue 4, Spring Term 2027", "News  Travel  Weather  Sport  What's On  Contact",
                 "Posted by the Parish News editor on 2 March 2027", "March 2, 2027 4:12 PM GMT Updated 37 mins ago",
                 "Release date: 2 March 2027 9:30 AM", "Arthur Penrose, CEng (retired), Upper Kellport",
                 "Join the harbour trust from £2.95 a week for news, events and a vote at the annual meeting.",
                 "Our advice is given in good faith but is not a substitute for legal advice.",
                 "This does not affect how we rank ferry operators.",
                 "Embargoed copies of the timetable are available from the press office on request.",
                 "If life is at risk, call the emergency services.", "Thanks for reading.", "Not a member yet?",
                 "« Harbour minutes: February 2027 | Bin collections at Easter »", "Most Read"):
        assert labels[line] == "boilerplate", line
    # the links under a title-case "Most Read", a long one with a second beat among them
    for line in ("Islanders stunned as the ferry cafe closes after just nine days of trading in the new terminal",
                 "The harbour village just named the best place to live in the county – and it's not the one you think"):
        assert labels[line] == "headline_teaser", line
    # the story's own sentences stay the story's
    assert labels["Island residents welcomed the change at a meeting on Tuesday evening."] != "boilerplate"


def test_a_long_unpunctuated_line_with_a_second_beat_is_a_teaser_wherever_it_sits():
    text = (
        "Ferry fares rise by a third\n\n"
        "Return tickets on the Kellport ferry will cost £9.40 from 1 May, the operator said on Monday.\n\n"
        "The island chef shares her smoked mackerel pate with pickled cucumber and rye toast – and the one step most home cooks skip\n\n"
        "The operator said fuel costs had risen by a third since 2024.\n"
    )
    assert _rule_labels(text)[
        "The island chef shares her smoked mackerel pate with pickled cucumber and rye toast – and the one step most home cooks skip"
    ] == "headline_teaser"


def test_podcast_chapter_times_are_furniture_but_a_live_blogs_clock_times_are_not_chapters():
    from quizzes.analysis.lexicons import CHAPTER_MARKER

    assert CHAPTER_MARKER.match("03:12 What actually counts as a ferry fare?")
    assert CHAPTER_MARKER.match("(1:04:10) Listener questions")
    assert not CHAPTER_MARKER.match("2:15 AM ‘It’s a bloodbath’: insiders fear the worst")
    assert not CHAPTER_MARKER.match("11:40 pm Count resumes in Kellport ward")


_ROUND_14_PAGE = (
    "The 7 best walks on the Kellport coast (and where to stop for tea)\n\n"
    "By Jo Roe\n\n"
    "The coast path reopened in March after two years of repairs.\n\n"
    "Kellport: the island the ferry timetable forgot\n\n"
    "The ferry runs twice a day in winter and four times a day in summer.\n\n"
    "Harbour Lights review: a quiet film that finally finds its voice\n\n"
    "The path is 14 miles long and mostly flat.\n\n"
    "The ferry fare rise nobody is talking about\n\n"
    "Views are the author's own and do not necessarily reflect those of the Kellport Trust.\n\n"
    "Forward this to a friend who walks the coast path.\n\n"
    "Last reviewed: March 2027 | Next review due: March 2029\n\n"
    "2 thoughts on \"The 7 best walks on the Kellport coast\"\n\n"
    "Janet P says:\n\n"
    "The cliff section is muddy after rain, take boots.\n\n"
    "Peter Harrop says: 15 October 2027 at 9:40 PM\n\n"
    "What a lovely walk.\n"
)


def test_round_14_headline_shapes_are_teasers():
    labels = _rule_labels(_ROUND_14_PAGE)
    for line in ("The 7 best walks on the Kellport coast (and where to stop for tea)",  # a ranked list, an aside
                 "Kellport: the island the ferry timetable forgot",  # a label and a hook
                 "Harbour Lights review: a quiet film that finally finds its voice",  # a review's verdict
                 "The ferry fare rise nobody is talking about"):  # a curiosity gap
        assert labels[line] == "headline_teaser", line
    assert labels["The path is 14 miles long and mostly flat."] == "reported_fact"


def test_round_14_notices_and_the_lines_over_readers_posts_are_furniture_and_the_posts_are_claims():
    labels = _rule_labels(_ROUND_14_PAGE)
    for line in ("Views are the author's own and do not necessarily reflect those of the Kellport Trust.",
                 "Forward this to a friend who walks the coast path.", "Last reviewed: March 2027 | Next review due: March 2029",
                 "2 thoughts on \"The 7 best walks on the Kellport coast\"", "Janet P says:",
                 "Peter Harrop says: 15 October 2027 at 9:40 PM"):
        assert labels[line] == "boilerplate", line
    for post in ("The cliff section is muddy after rain, take boots.", "What a lovely walk."):
        assert labels[post] == "attributed_claim", post


def test_an_about_section_after_the_end_marker_differs_from_the_notes_to_editors():
    text = (
        "Kellport ferry adds a winter sailing\n\n"
        "KELLPORT, 3 May 2031 - The Kellport ferry will add a third winter sailing from November.\n\n"
        "The operator said bookings had risen by a fifth.\n\n"
        "-ENDS-\n\n"
        "Notes to editors\n\n"
        "Passenger figures come from the operator's ticket system.\n\n"
        "About Kellport Ferries\n\n"
        "Kellport Ferries has run the island route since 1998.\n\n"
        "It employs 60 people.\n"
    )
    reasons = {text[p.start:p.end]: " ".join(c.reason for c in p.cues) for p in analyze_rules(text)}
    assert "'About' section" not in reasons["Passenger figures come from the operator's ticket system."]
    for line in ("Kellport Ferries has run the island route since 1998.", "It employs 60 people."):
        assert "'About' section" in reasons[line], line


def test_a_cliffhanger_line_and_a_shouted_exclamation_are_teasers_even_when_punctuated():
    text = (
        "Kellport lifeboat crew rescue three from cliff\n\n"
        "The crew launched at 6:10 PM after a call from a walker, the station said.\n\n"
        "But what the crew found at the foot of the cliff got the whole island talking…\n\n"
        "The three walkers were taken to hospital as a precaution.\n\n"
        "The new lifeboat is FINALLY here – and it is huge!\n\n"
        "The station has launched 41 times this year.\n"
    )
    labels = _rule_labels(text)
    assert labels["But what the crew found at the foot of the cliff got the whole island talking…"] == "headline_teaser"
    assert labels["The new lifeboat is FINALLY here – and it is huge!"] == "headline_teaser"
    assert labels["The station has launched 41 times this year."] == "reported_fact"


def test_greetings_shop_banners_issue_lines_and_writer_notes_are_furniture():
    text = (
        "Car-free centre: yes or no\n\n"
        "By Ruth Alvanley\n\n"
        "Issue 47 | November 2027 | Eastbrook branches\n\n"
        "Good evening.\n\n"
        "The council will vote on the plan next week, and traders have asked for a delay.\n\n"
        "It was a good evening for the traders, who won a second hearing.\n\n"
        "Ruth Alvanley writes on planning and the environment for the Courier.\n\n"
        "Compiled by our volunteer listings team.\n\n"
        "FREE standard delivery on orders over £50 | Free returns within 28 days\n"
    )
    labels = _rule_labels(text)
    for line in ("Issue 47 | November 2027 | Eastbrook branches", "Good evening.",
                 "Ruth Alvanley writes on planning and the environment for the Courier.",
                 "Compiled by our volunteer listings team.",
                 "FREE standard delivery on orders over £50 | Free returns within 28 days"):
        assert labels[line] == "boilerplate", line
    assert labels["It was a good evening for the traders, who won a second hearing."] != "boilerplate"


def test_annotator_agreement_scores_a_second_annotation_like_the_analyzer(monkeypatch, capsys, tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    import annotator_agreement

    first = tmp_path / "data" / "setx"
    second = tmp_path / "second" / "setx"
    first.mkdir(parents=True)
    second.mkdir(parents=True)
    text = "Prices rose 3% in May. It is a scandal."
    (first / "a.txt").write_text(text, encoding="utf-8")
    (first / "a.gold.jsonl").write_text(
        '{"start": 0, "end": 22, "label": "reported_fact", "also": []}\n'
        '{"start": 23, "end": 39, "label": "editorial_framing", "also": ["headline_teaser"]}\n', encoding="utf-8")
    # the second annotator agrees on the first sentence and picks a label of the `also` list on the second
    (second / "a.gold.jsonl").write_text(
        '{"start": 0, "end": 22, "label": "reported_fact", "also": []}\n'
        '{"start": 23, "end": 39, "label": "headline_teaser", "also": []}\n', encoding="utf-8")
    monkeypatch.setattr(annotator_agreement, "DATA", tmp_path / "data")
    assert annotator_agreement.main([str(second)]) == 0
    assert "setx: 2 sentences" in capsys.readouterr().out
    judged = annotator_agreement.judged_folder(second)
    assert [j.correct for j in judged] == [True, True]
    (second / "a.gold.jsonl").write_text(
        '{"start": 0, "end": 22, "label": "attributed_claim", "also": []}\n'
        '{"start": 23, "end": 39, "label": "boilerplate", "also": []}\n', encoding="utf-8")
    assert [j.correct for j in annotator_agreement.judged_folder(second)] == [False, False]


def test_urgency_web_views_forum_lines_sponsors_and_feedback_widgets():
    text = (
        "Pellow Bay cinema appeal\n\n"
        "View this email in your browser\n\n"
        "The Regal closed in 2019 and the trust wants to reopen it next spring.\n\n"
        "Only 9 days left – and we're so close!\n\n"
        "The trust has raised £30,000 so far, and the council has promised a further £10,000.\n\n"
        "The views expressed here are her own.\n\n"
        "Official partner: Harrowmere Building Society\n\n"
        "The Regal Bulletin · Issue 31 · November 2027\n\n"
        "hedgehog_hollow · Member · 214 posts · 12 Oct 2027 at 8:14 AM\n\n"
        "Was this fact check useful?\n"
    )
    labels = _rule_labels(text)
    assert labels["Only 9 days left – and we're so close!"] == "headline_teaser"
    for line in ("View this email in your browser", "The views expressed here are her own.",
                 "Official partner: Harrowmere Building Society", "The Regal Bulletin · Issue 31 · November 2027",
                 "hedgehog_hollow · Member · 214 posts · 12 Oct 2027 at 8:14 AM", "Was this fact check useful?"):
        assert labels[line] == "boilerplate", line
    assert labels["The trust has raised £30,000 so far, and the council has promised a further £10,000."] != "boilerplate"
