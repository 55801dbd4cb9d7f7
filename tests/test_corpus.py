"""The labeled corpus: every label holds except the documented known failures, and the quality bars hold.

Labels follow docs/labeling.md (adviser judgement, never the rules' own lists). `corpus/*.txt`
is the development corpus; `corpus/holdout/<batch>/` holds blind batches, whose first-run
figures are recorded in docs/eval/ and docs/quality.md; once measured they are tuning data too.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notelint.cli import app
from notelint.evaluate import Evaluation, evaluate, failures

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MAIN = sorted(str(p) for p in CORPUS.glob("*.txt"))
HOLDOUT = CORPUS / "holdout"
REAL = CORPUS / "real"  # sample notes as published on career pages; measured apart (test_real_notes.py)

# Drafts the rules get wrong today, kept visible rather than relabeled; see docs/quality.md.
KNOWN_FAILURES = {
    ('a-006-fruit-basket-no-thanks.txt', 'gratitude', 'false alarm'),
    ('a-015-pastries-on-my-first-day.txt', 'gifts', 'false alarm'),
    ('a-040-features-editor-bare.txt', 'specificity', 'miss'),
    ('b-008-hotel-kiosks-long-fine.txt', 'length', 'miss'),
    ('b-015-buzzword-vague-senior.txt', 'specificity', 'miss'),
    ('c-006-newsroom-fellowship-generic.txt', 'specificity', 'miss'),
    ('c-022-paralegal-perfect-emoji.txt', 'casual_tone', 'miss'),
    ('c-045-cto-insurer-hundred-days.txt', 'arrogance', 'miss'),
    ('d-005-referrer-giftcard-card-long.txt', 'length', 'false alarm'),
    ('d-012-real-estate-popin.txt', 'gifts', 'miss'),
    ('d-028-data-analyst-generic.txt', 'specificity', 'miss'),
    ('d-041-maple-library-panel-short-card.txt', 'specificity', 'false alarm'),
    ('d-052-plumber-no-signoff.txt', 'interest', 'false alarm'),
    ('e-035-rotterdam-port-brazilian.txt', 'spelling', 'false alarm'),
    ('e-050-brand-manager-cv-restated.txt', 'specificity', 'miss'),
    ('e-052-ceo-linkedin-day-one.txt', 'arrogance', 'miss'),
    ('e-063-museum-curator-long-card.txt', 'length', 'miss'),
    ('f-042-architecture-pastries-popin.txt', 'pushy_follow_up', 'miss'),
    ('f-046-nicu-hey-kara.txt', 'spelling', 'false alarm'),
    ('f-052-devops-first-round-on-me.txt', 'gifts', 'miss'),
    ('f-054-apparel-instagram-follow.txt', 'social_media', 'miss'),
    ('f-061-vet-clinic-receptionist.txt', 'spelling', 'miss'),
    ('g-023-irish-teacher-rejection.txt', 'greeting_signoff', 'false alarm'),
    ('g-023-irish-teacher-rejection.txt', 'spelling', 'false alarm'),
    ('g-030-retail-card-pto.txt', 'spelling', 'false alarm'),
    ('h-024-detail-shop-yo-mike.txt', 'spelling', 'false alarm'),
    ('h-033-bartender-trial-shift.txt', 'casual_tone', 'false alarm'),
    ('h-040-taqueria-tryout-checking.txt', 'casual_tone', 'false alarm'),
    ('h-052-district-manager-obvious-pick.txt', 'arrogance', 'miss'),
    ('h-052-district-manager-obvious-pick.txt', 'pushy_follow_up', 'miss'),
    ('h-059-taqueria-cashier-tamales-facebook.txt', 'spelling', 'false alarm'),
    ('h-061-navy-ls1-linkedin-resume.txt', 'specificity', 'miss'),
    ('h1-015-one-yes-card.txt', 'specificity', 'miss'),
    ('i-026-systems-faculty-wall-of-text.txt', 'spelling', 'false alarm'),
    ('i-039-base-editing-senior-scientist.txt', 'casual_tone', 'false alarm'),
    ('i-043-features-editor-cv-retold.txt', 'specificity', 'miss'),
    ('i-062-civil-eng-faculty-nfip.txt', 'casual_tone', 'false alarm'),
    ('i-063-state-justice-unworthy.txt', 'gratitude', 'false alarm'),
    ('j-020-bradford-trainee-reporter.txt', 'spelling', 'miss'),
    ('j-026-london-giftcard-partnerships.txt', 'gifts', 'false alarm'),
    ('j-035-kl-audit-mailmerge.txt', 'specificity', 'miss'),
    ('j-039-cape-town-architect.txt', 'placeholder', 'false alarm'),
    ('j-044-pflugerville-plumber-text.txt', 'pushy_follow_up', 'false alarm'),
    ('j-050-nyc-paralegal-recruiter.txt', 'interest', 'miss'),
    ('j-052-newcastle-pub-pint.txt', 'greeting_signoff', 'false alarm'),
    ('j-052-newcastle-pub-pint.txt', 'interest', 'false alarm'),
    ('k-005-generic-pm-screen.txt', 'specificity', 'miss'),
    ('k-015-rust-startup-crushed-it.txt', 'arrogance', 'miss'),
    ('k-022-cafe-tiktok-hey.txt', 'interest', 'false alarm'),
    ('k-028-soc-lead-deadline-ring.txt', 'arrogance', 'miss'),
    ('k-028-soc-lead-deadline-ring.txt', 'interest', 'false alarm'),
    ('k-029-promotoras-hola.txt', 'spelling', 'false alarm'),
    ('k-037-bookkeeper-card-starbucks.txt', 'deference', 'miss'),
    ('k-041-lxd-linkedin-wall.txt', 'spelling', 'false alarm'),
    ('k-052-qa-playwright-no-greeting.txt', 'spelling', 'miss'),
    # batch 2026-12-a after its first run and the issue-15/16 tuning, and the sentence classifier's misses
    ('f-057-psych-lab-stature.txt', 'desperation', 'false alarm'),
    ('h-032-credit-union-humbled.txt', 'desperation', 'false alarm'),
    ('l-003-pr-agency-omg.txt', 'specificity', 'miss'),
    ('l-019-pm-forward-second-panelist.txt', 'interest', 'false alarm'),
    ('l-026-med-device-ceo-long.txt', 'negativity', 'miss'),
    ('l-038-fintech-checkout-clunky.txt', 'negativity', 'miss'),
    ('l-042-vet-card-both-sides.txt', 'casual_tone', 'false alarm'),
    ('l-042-vet-card-both-sides.txt', 'length', 'miss'),
    ('l-050-junior-accountant-generic.txt', 'interest', 'false alarm'),
    ('l-050-junior-accountant-generic.txt', 'specificity', 'miss'),
    # batches 2026-12-b and 2026-12-c after their first runs (docs/quality.md) and the tuning since
    ('j-056-gazipur-qa-executive.txt', 'interest', 'false alarm'),
    ('m-007-museum-panel-forward.txt', 'interest', 'false alarm'),
    ('m-007-museum-panel-forward.txt', 'personalization', 'miss'),
    ('m-007-museum-panel-forward.txt', 'specificity', 'false alarm'),
    ('m-015-housing-analyst-retell.txt', 'casual_tone', 'false alarm'),
    ('m-022-regulatory-wrong-name.txt', 'personalization', 'miss'),
    ('m-037-service-desk-belated.txt', 'greeting_signoff', 'false alarm'),
    ('m-037-service-desk-belated.txt', 'personalization', 'miss'),
    ('m-052-cfo-terms-late.txt', 'timing', 'miss'),
    ('m-060-billing-advisor-demand.txt', 'pushy_follow_up', 'miss'),
    ('n-005-homework-club-card.txt', 'spelling', 'false alarm'),
    ('n-009-rate-limiter-agreed-call.txt', 'pushy_follow_up', 'false alarm'),
    ('n-025-calving-card.txt', 'specificity', 'false alarm'),
    ('n-055-severnside-leftover.txt', 'personalization', 'miss'),
    # batch 2026-12-d after its first run and the tuning since
    ('p-006-latam-sales-director.txt', 'specificity', 'miss'),
    ('p-008-decommissioning-card.txt', 'timing', 'miss'),
    ('p-018-data-scientist-linkedin-cv.txt', 'length', 'miss'),
    ('p-018-data-scientist-linkedin-cv.txt', 'specificity', 'miss'),
    ('p-023-icu-staff-nurse-followup.txt', 'spelling', 'false alarm'),
    ('p-026-cork-agency-linkedin.txt', 'social_media', 'miss'),
    ('p-041-marquee-events-manager.txt', 'timing', 'miss'),
    ('p-054-hospice-fundraising-reply.txt', 'personalization', 'miss'),
    ('p-060-substation-pm-linkedin.txt', 'timing', 'miss'),
    # NL1602
    ('q-003-vp-sales-apac-deadline.txt', 'spelling', 'false alarm'),
    ('q-004-vet-practice-wales-card.txt', 'gratitude', 'false alarm'),
    ('q-012-cfo-cv-recap.txt', 'specificity', 'miss'),
    ('q-019-primary-school-panel-card.txt', 'spelling', 'false alarm'),
    ('q-026-pharma-mrs-late-fortnight.txt', 'personalization', 'miss'),
    ('q-040-line-cook-text-pay.txt', 'specificity', 'miss'),
    ('q-042-research-assistant-rejection-humble.txt', 'interest', 'false alarm'),
    ('q-043-referrer-lunch-linkedin.txt', 'casual_tone', 'false alarm'),
    ('q-048-fintech-hey-jon.txt', 'personalization', 'miss'),
    ('q-049-physio-declines-first-name.txt', 'personalization', 'miss'),
    ('q-054-greenhouse-lab-late.txt', 'interest', 'miss'),
    ('q-061-informatics-nurse-no-thanks.txt', 'specificity', 'false alarm'),
    # a-k: a sentence about what the writer learned now counts toward a detail, and some such sentences hold none
    ('i-013-federal-clerkship-generic.txt', 'specificity', 'miss'),
    # 2026-12-f and 2026-12-g, as left after tuning on their first runs
    ('f-002-fintech-cto-linkedin.txt', 'spelling', 'false alarm'),
    ('f-007-technical-buyer-generic.txt', 'specificity', 'miss'),
    ('f-015-paralegal-call-and-wrong-firm.txt', 'personalization', 'miss'),
    ('f-037-gis-analyst-bare-linkedin.txt', 'greeting_signoff', 'miss'),
    ('f-043-marketing-coordinator-cv-block.txt', 'specificity', 'miss'),
    ('f-061-procurement-competing-offer.txt', 'spelling', 'false alarm'),
    ('f-062-localisation-pm-recruiter-screen.txt', 'specificity', 'false alarm'),
    ('f-063-overnight-producer-late-night.txt', 'timing', 'false alarm'),
    ('g-014-ux-bank-app-mess.txt', 'interest', 'miss'),
    ('g-019-linkedin-first-name-template.txt', 'specificity', 'miss'),
    ('g-026-linkedin-connect-content-writer.txt', 'social_media', 'miss'),
    ('g-047-energy-advisor-other-company.txt', 'personalization', 'miss'),
    ('g-048-archive-two-lines.txt', 'specificity', 'false alarm'),
    ('g-063-tema-port-decision-friday.txt', 'gratitude', 'miss'),
    # after training on sentences from the 2026-12 batches and real sets
    ('b-022-vet-front-desk-begging.txt', 'deference', 'false alarm'),
    ('b-040-hearing-from-you-only.txt', 'interest', 'miss'),
    ('f-040-plant-manager-90-day-plan.txt', 'desperation', 'false alarm'),
    ('g-024-merchant-sales-friday-deadline.txt', 'desperation', 'false alarm'),
    ('q-052-geotech-offer-relocation.txt', 'interest', 'false alarm'),
    # 2026-12-h, as left after tuning on its first run
    ('h-002.txt', 'deference', 'miss'),
    ('h-004.txt', 'specificity', 'miss'),
    ('h-036.txt', 'deference', 'miss'),
    ('h-039.txt', 'negativity', 'miss'),
    ('h-047.txt', 'negativity', 'miss'),
    ('h-050.txt', 'negativity', 'miss'),
    ('h-052.txt', 'interest', 'miss'),
    ('h-053.txt', 'arrogance', 'miss'),
    ('h-053.txt', 'interest', 'false alarm'),
    ('h-053.txt', 'money', 'miss'),
    ('h-059.txt', 'desperation', 'miss'),
    # 2026-12-i and real-2026-12-g, as left after tuning on their first runs
    ('i-022.txt', 'greeting_signoff', 'miss'),
    ('i-062.txt', 'spelling', 'false alarm'),
    # 2026-12-j: its first run's mistakes, kept as measured
    ('j-005.txt', 'desperation', 'false alarm'),
    ('j-006.txt', 'placeholder', 'miss'),
    ('j-008.txt', 'deference', 'false alarm'),
    ('j-008.txt', 'timing', 'miss'),
    ('j-051.txt', 'spelling', 'false alarm'),
    ('j-059.txt', 'specificity', 'miss'),
    # 2026-12-k and -l: first-run mistakes not fixed by class
    ('k-022.txt', 'personalization', 'miss'),
    ('k-039.txt', 'personalization', 'miss'),
    ('k-043.txt', 'specificity', 'miss'),
    ('k-045.txt', 'desperation', 'false alarm'),
    ('k-060.txt', 'spelling', 'false alarm'),
    ('k-061.txt', 'casual_tone', 'false alarm'),
    ('l-007.txt', 'personalization', 'miss'),
    ('l-007.txt', 'specificity', 'miss'),
    ('l-009.txt', 'specificity', 'miss'),
    ('l-010.txt', 'personalization', 'miss'),
    ('l-019.txt', 'timing', 'miss'),
    ('l-042.txt', 'personalization', 'miss'),
    ('l-056.txt', 'spelling', 'false alarm'),
    ('l-057.txt', 'spelling', 'false alarm'),
    ('l-064.txt', 'personalization', 'miss'),
    # the price of judging NL201 clause by clause (+14 finds on the corpus sets): a wish to help with the
    # reader's project said as "I'm very interested in helping Nexovia get the GMP suite validated"
    ('b-017-gmp-suite-deadline.txt', 'specificity', 'false alarm'),
    # and of not counting misspellings as details: a deferential note whose one real detail is "the compounding room"
    ('m-054.txt', 'specificity', 'false alarm'),
    # and of not counting social networks as details: "Added you on Facebook" had hidden that "the panel upgrade
    # job at the high school" is a real detail made only of common words
    ('a-010-electrician-apprentice-facebook.txt', 'specificity', 'false alarm'),
    # 2026-12-m and -n: first-run mistakes not fixed by class
    ('m-002.txt', 'timing', 'miss'),
    ('m-008.txt', 'timing', 'miss'),
    ('m-021.txt', 'personalization', 'miss'),
    ('m-024.txt', 'spelling', 'false alarm'),
    ('m-029.txt', 'specificity', 'miss'),
    ('m-034.txt', 'personalization', 'miss'),
    ('m-038.txt', 'desperation', 'miss'),
    ('m-040.txt', 'personalization', 'miss'),
    ('m-044.txt', 'personalization', 'miss'),
    ('m-049.txt', 'specificity', 'miss'),
    ('m-061.txt', 'greeting_signoff', 'miss'),
    ('n-009.txt', 'specificity', 'false alarm'),
    ('n-014.txt', 'interest', 'miss'),
    ('n-014.txt', 'timing', 'miss'),
    ('n-019.txt', 'personalization', 'miss'),
    ('n-020.txt', 'specificity', 'miss'),
    ('n-028.txt', 'personalization', 'miss'),
    ('n-030.txt', 'personalization', 'miss'),
    ('n-030.txt', 'specificity', 'miss'),
    ('n-032.txt', 'specificity', 'miss'),
    ('n-038.txt', 'length', 'miss'),
    ('n-039.txt', 'timing', 'miss'),
    ('n-044.txt', 'money', 'miss'),
    ('n-046.txt', 'personalization', 'miss'),
    ('n-054.txt', 'casual_tone', 'false alarm'),
    ('n-061.txt', 'personalization', 'miss'),
    # 2026-12-o and -p: first-run mistakes not fixed by class
    ('o-013.txt', 'specificity', 'miss'),
    ('o-019.txt', 'timing', 'miss'),
    ('o-025.txt', 'specificity', 'miss'),
    ('o-036.txt', 'social_media', 'miss'),
    ('o-041.txt', 'specificity', 'miss'),
    ('o-044.txt', 'personalization', 'miss'),
    ('o-046.txt', 'arrogance', 'miss'),
    ('o-053.txt', 'interest', 'miss'),
    ('o-057.txt', 'personalization', 'miss'),
    ('o-060.txt', 'timing', 'miss'),
    ('p-002.txt', 'specificity', 'miss'),
    ('p-003.txt', 'spelling', 'false alarm'),
    ('p-008.txt', 'timing', 'miss'),
    ('p-009.txt', 'negativity', 'false alarm'),
    ('p-010.txt', 'personalization', 'miss'),
    ('p-016.txt', 'personalization', 'miss'),
    ('p-030.txt', 'money', 'miss'),
    ('p-031.txt', 'gifts', 'false alarm'),
    ('p-034.txt', 'timing', 'miss'),
    ('p-045.txt', 'social_media', 'miss'),
    ('p-052.txt', 'personalization', 'miss'),
    ('p-059.txt', 'interest', 'miss'),
    ('p-060.txt', 'greeting_signoff', 'miss'),
    ('p-060.txt', 'personalization', 'miss'),
    # 2026-12-q and -r: first-run mistakes not fixed by class
    ('q-002.txt', 'specificity', 'miss'),
    ('q-012.txt', 'specificity', 'miss'),
    ('q-014.txt', 'arrogance', 'miss'),
    ('q-021.txt', 'personalization', 'miss'),
    ('q-023.txt', 'specificity', 'false alarm'),
    ('q-030.txt', 'specificity', 'miss'),
    ('q-034.txt', 'personalization', 'miss'),
    ('q-036.txt', 'pushy_follow_up', 'miss'),
    ('q-039.txt', 'personalization', 'miss'),
    ('q-039.txt', 'timing', 'miss'),
    ('q-042.txt', 'gratitude', 'miss'),
    ('q-052.txt', 'negativity', 'miss'),
    ('q-057.txt', 'desperation', 'false alarm'),
    ('q-057.txt', 'personalization', 'miss'),
    ('q-060.txt', 'specificity', 'miss'),
    ('q-064.txt', 'negativity', 'miss'),
    ('r-013.txt', 'specificity', 'false alarm'),
    ('r-015.txt', 'arrogance', 'miss'),
    ('r-017.txt', 'personalization', 'miss'),
    ('r-021.txt', 'placeholder', 'miss'),
    ('r-035.txt', 'specificity', 'miss'),
    ('r-039.txt', 'personalization', 'miss'),
    ('r-040.txt', 'specificity', 'miss'),
    ('r-042.txt', 'desperation', 'miss'),
    ('r-043.txt', 'personalization', 'miss'),
    ('r-045.txt', 'timing', 'miss'),
    ('r-053.txt', 'social_media', 'miss'),
    ('r-054.txt', 'personalization', 'miss'),
    ('r-056.txt', 'gifts', 'miss'),
    ('r-056.txt', 'personalization', 'miss'),
    ('r-057.txt', 'timing', 'miss'),
    ('r-059.txt', 'negativity', 'miss'),
    ('r-063.txt', 'greeting_signoff', 'miss'),
    # 2026-12-s and -t: first-run mistakes (measured last; not tuned on)
    ('s-001.txt', 'specificity', 'miss'),
    ('s-007.txt', 'personalization', 'miss'),
    ('s-007.txt', 'timing', 'miss'),
    ('s-020.txt', 'negativity', 'false alarm'),
    ('s-026.txt', 'personalization', 'miss'),
    ('s-026.txt', 'timing', 'miss'),
    ('s-029.txt', 'specificity', 'false alarm'),
    ('s-032.txt', 'specificity', 'miss'),
    ('s-034.txt', 'personalization', 'miss'),
    ('s-040.txt', 'specificity', 'miss'),
    ('s-048.txt', 'personalization', 'miss'),
    ('s-049.txt', 'specificity', 'miss'),
    ('s-056.txt', 'personalization', 'miss'),
    ('s-058.txt', 'negativity', 'miss'),
    ('s-061.txt', 'timing', 'miss'),
    ('t-003.txt', 'specificity', 'miss'),
    ('t-008.txt', 'personalization', 'miss'),
    ('t-017.txt', 'arrogance', 'miss'),
    ('t-018.txt', 'timing', 'miss'),
    ('t-020.txt', 'deference', 'miss'),
    ('t-023.txt', 'timing', 'miss'),
    ('t-025.txt', 'personalization', 'miss'),
    ('t-045.txt', 'deference', 'miss'),
    ('t-047.txt', 'negativity', 'miss'),
    ('t-049.txt', 'timing', 'miss'),
    ('t-050.txt', 'personalization', 'miss'),
    ('t-053.txt', 'personalization', 'miss'),
    ('t-056.txt', 'arrogance', 'false alarm'),
    ('t-062.txt', 'timing', 'miss'),
    ('t-063.txt', 'specificity', 'miss'),
    # 2026-12-u and -v, as left after tuning on their first runs (n-019: the price of reading a dash as a clause break)
    ('n-019-template-marketing.txt', 'specificity', 'miss'),
    ('u-043.txt', 'personalization', 'miss'),
    ('u-063.txt', 'personalization', 'miss'),
    ('v-059.txt', 'specificity', 'false alarm'),
    ('v-064.txt', 'specificity', 'miss'),
    # 2026-12-w and -x, as left after tuning on their first runs (o-063: 'join your team as a dental nurse' no longer counts the job title as a detail)
    ('o-063.txt', 'specificity', 'false alarm'),
    ('x-025.txt', 'specificity', 'miss'),
    ('x-039.txt', 'specificity', 'miss'),
    # 2026-12-y and -z, as left after tuning on their first runs
    ('y-003.txt', 'arrogance', 'false alarm'),
    ('y-005.txt', 'specificity', 'miss'),
    ('y-054.txt', 'interest', 'miss'),
    ('z-020.txt', 'specificity', 'miss'),
    ('z-030.txt', 'social_media', 'false alarm'),
    # 2026-12-aa and -ab, as left after tuning on their first runs
    ('aa-007.txt', 'spelling', 'false alarm'),
    ('aa-017.txt', 'specificity', 'false alarm'),
    ('aa-035.txt', 'arrogance', 'false alarm'),
    ('aa-035.txt', 'negativity', 'miss'),
    ('aa-044.txt', 'personalization', 'miss'),
    ('aa-046.txt', 'casual_tone', 'false alarm'),
    ('aa-048.txt', 'specificity', 'false alarm'),
    ('ab-019.txt', 'specificity', 'false alarm'),
    ('ab-027.txt', 'personalization', 'miss'),
    ('ab-030.txt', 'specificity', 'miss'),
    ('ab-038.txt', 'greeting_signoff', 'miss'),
    ('ab-043.txt', 'negativity', 'miss'),
    ('ab-056.txt', 'specificity', 'miss'),
    ('ab-063.txt', 'personalization', 'miss'),
    # 2026-12-ac and -ad, as left after tuning on their first runs
    ('ac-007.txt', 'timing', 'miss'),
    ('ac-037.txt', 'pushy_follow_up', 'false alarm'),
    ('ad-038.txt', 'negativity', 'miss'),
    ('ad-044.txt', 'greeting_signoff', 'miss'),
    ('ad-049.txt', 'specificity', 'miss'),
    ('ad-061.txt', 'timing', 'miss'),
    # 2026-12-ae and -af, as left after tuning on their first runs
    ('ae-049.txt', 'specificity', 'false alarm'),
    ('af-040.txt', 'interest', 'miss'),
    # 2026-12-ag and -ah: first-run mistakes, as left after the tuning on them
    ('ag-003.txt', 'specificity', 'false alarm'),
    ('ag-042.txt', 'desperation', 'false alarm'),
    ('ah-030.txt', 'specificity', 'miss'),
    ('ah-033.txt', 'specificity', 'miss'),
    ('ah-059.txt', 'specificity', 'false alarm'),
}


@pytest.fixture(scope="session")
def corpus(linter):
    """Every labeled draft (development and blind batches) linted once for the whole test session."""
    from notelint.draft import expand_paths, read_draft

    drafts = [read_draft(path) for path in expand_paths([str(CORPUS)]) if not Path(path).is_relative_to(REAL)]
    return list(zip(drafts, linter.lint(drafts)))


def measure(pairs, rules) -> Evaluation:
    from notelint.packs import load_pack

    categories = load_pack().categories
    return evaluate(pairs, {r.code: r.category for r in rules if r.REPORTS}, categories)


@pytest.fixture(scope="session")
def development(corpus, rules):
    return measure([(d, r) for d, r in corpus if d.path in MAIN], rules)


@pytest.fixture(scope="session")
def blind(corpus, rules):
    return measure([(d, r) for d, r in corpus if Path(d.path).is_relative_to(HOLDOUT)], rules)


def test_corpus_is_large_and_labeled(corpus):
    assert len(MAIN) >= 280
    batches = [b for b in HOLDOUT.iterdir() if b.is_dir()]
    assert len(batches) >= 2 and all(len(list(b.glob("*.txt"))) >= 60 for b in batches)
    assert len(corpus) == len(MAIN) + sum(len(list(b.glob("*.txt"))) for b in batches)


def test_labels_hold_except_known_failures(development, blind):
    found = {(Path(m.path).name, m.label, m.kind) for m in development.mistakes + blind.mistakes}
    assert found - KNOWN_FAILURES == set(), "new corpus mistakes"
    assert KNOWN_FAILURES - found == set(), "a known failure is fixed: remove it here and in docs/quality.md"


# Categories of the development corpus that cannot reach the bars with rules yet, with the floor
# they must not fall below (docs/quality.md shows the failing drafts). The rest meet the bars in full.
BELOW_BAR_FLOORS = {
    "specificity": {"precision": 0.88, "recall": 0.84},
    "length": {"precision": 0.93, "recall": 0.93},
    "gratitude": {"precision": 0.93, "recall": 0.85},
    "gifts": {"precision": 0.94, "recall": 0.85},
}


def test_quality_bars_hold_on_the_development_corpus(development):
    assert development.auc >= 0.9
    for name, tally in development.categories.items():
        if tally.support < 10:
            continue
        floors = BELOW_BAR_FLOORS.get(name, {"precision": 0.95, "recall": 0.85})
        assert tally.precision >= floors["precision"], (name, tally)
        assert tally.recall >= floors["recall"], (name, tally)
    below = failures(development, min_precision=0.95, min_recall=0.85, min_support=10, min_auc=0.9)
    assert {line.split(":")[0] for line in below} <= set(BELOW_BAR_FLOORS)


def test_blind_batches_hold_their_figures(blind):
    """Not a blind figure any more (docs/quality.md has the first runs): a floor against regressions.

    Batches a-i were tuned on after their first run; j and k were measured on the rules as shipped;
    2026-12-a to -g joined after their first runs (0.79/0.78, 0.76/0.67, 0.83/0.73, 0.82/0.68, 0.88/0.72,
    0.86/0.75, 0.93/0.80).
    """
    assert blind.micro.precision >= 0.93
    assert blind.micro.recall >= 0.88
    assert blind.auc >= 0.96


def test_every_rule_keeps_its_true_positives(development, blind, rules):
    """Per rule, not per category: a rule that loses its finds can hide behind another rule of its category.

    tests/rule_floors.json holds each rule's true positives and false alarms on both sets, as
    `notelint eval` tallies them; a loss, a new false alarm, a gain or a rule gone fails until the
    file is rewritten (python scripts/rule_floors.py --write) and the commit says why.
    """
    import runpy

    script = runpy.run_path(str(CORPUS.parent / "scripts" / "rule_floors.py"))
    recorded = json.loads((Path(__file__).parent / "rule_floors.json").read_text(encoding="utf-8"))
    codes = [r.code for r in rules if r.REPORTS]
    measured = script["figures"]({"development": development, "blind": blind}, codes)
    changes = script["compare"](recorded, measured)
    assert not changes, "per-rule figures changed:\n" + "\n".join(changes)


def test_eval_fails_below_a_bar_and_says_which():
    """Through the command line, on a draft with a known specificity false alarm (see KNOWN_FAILURES)."""
    paths = [str(CORPUS / "d-041-maple-library-panel-short-card.txt")]
    result = CliRunner().invoke(app, ["eval", *paths, "--format", "json", "--min-precision", "0.9", "--min-support", "0"])
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    assert "specificity: precision 0.00 < 0.90" in data["below_bars"]


def test_quality_md_shows_the_recorded_first_runs_per_pair():
    """docs/quality.md's category-by-pair table is scripts/pair_table.py's output on docs/eval/, unedited."""
    import runpy

    table = runpy.run_path(str(CORPUS.parent / "scripts" / "pair_table.py"))["table"]
    quality = (CORPUS.parent / "docs" / "quality.md").read_text(encoding="utf-8")
    expected = table(["a+b+c", "d+e", "f+g", "h+i", "j+k"], "first-run")
    assert expected in quality, "run: python scripts/pair_table.py, and paste its table into docs/quality.md"
