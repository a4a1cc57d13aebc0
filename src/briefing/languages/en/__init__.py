"""English: the words that mark speakers, titles and events."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from briefing.analysis.claims import sources, subject_first, verb_first
from briefing.analysis.entities import cues, titles
from briefing.languages.base import Language, LanguageRules

if TYPE_CHECKING:
    from briefing.models import TimeRef


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in text.split())


_MALE = frozenset({"mr", "sir", "lord", "king", "prince", "sheikh", "emir"})
_FEMALE = frozenset({"mrs", "ms", "miss", "dame", "lady", "queen", "princess"})


class EnglishRules(LanguageRules):
    """English rules: demonyms have a shape of their own."""

    def heads_a_name(self, word: str) -> bool:
        return word[:1].isupper()

    def pronoun_fits(self, pronoun: str, before: str) -> bool:
        # Only an honorific tells a name's gender here: "Mr Hockney" is no "she".
        last = before.split()[-1].casefold().rstrip(".") if before.split() else ""
        if pronoun in ("she", "her"):
            return last not in _MALE
        if pronoun in ("he", "his"):
            return last not in _FEMALE
        return True

    def adjective_shape(self, key: str) -> bool:
        # Russian, Scottish, Chinese, Korean: adjectives of nationality, which taggers often
        # take for places.
        return len(key) > 4 and key.endswith(("ish", "ese", "ian", "ean"))


ENGLISH_RULES = EnglishRules(
    code="en",
    direction="ltr",
    reporting_verbs=_words(
        "said says say told tells added adds stated states announced announces confirmed "
        "confirms claimed claims alleged alleges denied denies accused accuses insisted insists "
        "warned warns noted notes argued argues believes believe reported reports explained "
        "explains acknowledged admitted asserted declared suggested wrote estimated predicted "
        "expects expected revealed stressed called described hailed welcomed praised condemned "
        "criticised criticized urged"
    ),
    belief_verbs=_words("believes believe thinks think argued argues suggested"),
    denial_verbs=_words("denied denies deny rejected rejects dismissed"),
    accusation_verbs=_words("accused accuses accuse alleged alleges claimed claims"),
    complementizers=_words("that"),
    trailing_attributions=("according to", "citing", "as reported by"),
    participle_attributions=_words("saying adding noting warning claiming"),
    carry_verbs=_words("added adds continued"),
    anonymous_heads=_words("source sources official officials diplomat diplomats insider"),
    anonymous_phrases=(
        "asked not to be named",
        "speaking on condition of anonymity",
        "on condition of anonymity",
        "who declined to be identified",
        "not authorized to speak",
        "not authorised to speak",
    ),
    title_heads=_words(
        "president prime minister secretary chancellor leader spokesman spokeswoman "
        "spokesperson adviser advisor ambassador envoy king queen prince general director "
        "chairman chair governor mayor senator judge coach captain commissioner chief head "
        "premier diplomat negotiator lawmaker legislator commander emir sheikh pope "
        "congressman congresswoman representative ceo founder"
    ),
    org_heads=_words(
        "ministry department agency university organisation organization council alliance "
        "bank fund union party association court institute centre center committee commission "
        "company corporation group club federation"
    ),
    stop_words=_words(
        "the a an of in on at to for from with by and or but as that this these those it its "
        "he she they we i you his her their our is are was were be been has have had will would "
        "said says after before during since while when where who which what than then there "
        "also not no mr mrs ms dr"
    ),
    time_words=_words(
        "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week "
        "month year last next"
    ),
    opinion_words=_words(
        "believe believes think thinks may might could should would perhaps probably likely "
        "unlikely smart useful clever better worse hope hopes seems appears"
    ),
    prediction_words=_words("will expected expects expect forecast predicted soon plans plan"),
    factual_verbs=_words(
        "visited met issued killed announced signed won released held arrived launched arrested "
        "reached rose fell recorded beat elected appointed resigned increased held hosted"
    ),
    event_triggers={
        **dict.fromkeys(_words("visit visited visits visiting trip"), "visit"),
        **dict.fromkeys(_words("met meet meeting meets talks summit discussed"), "meeting"),
        **dict.fromkeys(_words("said announced statement declared"), "statement"),
        **dict.fromkeys(_words("accused accuses alleged allegations"), "accusation"),
        **dict.fromkeys(_words("denied denies denial"), "denial"),
        **dict.fromkeys(_words("agreement deal signed treaty accord"), "agreement"),
        **dict.fromkeys(_words("warrant"), "warrant"),
        **dict.fromkeys(_words("election elections elected vote"), "election"),
        **dict.fromkeys(_words("attack strike strikes bombing explosion clashes"), "attack"),
        **dict.fromkeys(_words("report"), "report"),
        **dict.fromkeys(_words("match final tournament"), "match"),
        **dict.fromkeys(_words("sanctions"), "sanction"),
    },
    number_words={
        w: float(n)
        for n, w in enumerate(
            [
                "zero",
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen",
                "twenty",
            ]
        )
    }
    | {"thirty": 30.0, "forty": 40.0, "fifty": 50.0, "hundred": 100.0, "thousand": 1000.0},
    quote_pairs=(("“", "”"), ('"', '"'), ("‘", "’")),
    person_cues=_words(
        "counterpart analyst expert professor researcher economist historian scientist "
        "journalist reporter correspondent editor lawyer attorney activist campaigner witness "
        "resident defender striker midfielder goalkeeper winger forward manager player "
        "midfielder athlete singer actor writer author artist businessman businesswoman "
        "billionaire candidate cleric imam rabbi priest bishop mr mrs ms dr sir dame"
    ),
    has_case=True,
    modifiers_first=True,
    auxiliaries=_words("have has had will would is was were are also"),
    visit_verbs=_words("visited visits visit toured reached"),
    place_prepositions=_words("in to at inside on"),
    pronouns=_words("he she it they we i"),
    name_particles=_words("bin bint al abu abdel abdul de van von"),
    title_modifiers=_words("general former deputy acting chief foreign"),
    ordinals=_words("first second third fourth fifth last new"),
    prepositions=_words(
        "in on at for with by from to during after before about over under against via"
    ),
    relative_pronouns=_words("who which that"),
    clause_openers=_words("which while but whereas although"),
    # Verbs of judgement whose object is no statement ("welcomed the move"); verbs that pass
    # on information ("noted", "announced", "denied") keep their subject as the speaker even
    # before a plain object, as the project's gold annotation has it.
    object_verbs=_words(
        "welcomed welcomes hailed hails praised praises condemned condemns criticised "
        "criticized criticises criticizes urged urges called calls described describes "
        "expected expects"
    ),
    title_words=_words(
        "national security foreign defence defense finance trade commerce interior home health "
        "economy economic justice energy education transport environment agriculture labour "
        "labor culture information tourism industry treasury state top senior chief deputy vice "
        "assistant associate press military army navy intelligence former acting interim "
        "outgoing incoming opposition parliamentary principal permanent special executive "
        "general supreme"
    ),
    place_heads={
        **dict.fromkeys(_words("village town city capital province district county"), "GPE"),
        **dict.fromkeys(_words("region governorate island"), "GPE"),
    },
    place_links=_words("of"),
    person_pronouns=_words("he she his her"),
    passive_auxiliaries=_words("was were been is are be being"),
    agent_prepositions=_words("by"),
    discourse_openers=_words("but and yet so however meanwhile still which that now"),
    clause_links=_words("but while whereas although though because"),
    inverting_verbs=_words("said says added adds wrote asked explained insisted warned"),
)


def _find_times(text: str, published: date | None) -> list[TimeRef]:
    # The month and weekday patterns are compiled on first use: Arabic never loads them.
    from briefing.languages.en.time import find_times

    return find_times(text, published)


def _latin_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


ENGLISH = Language(
    rules=ENGLISH_RULES,
    quote_marks=("“", "”"),
    time_grammar=_find_times,
    script_letter=_latin_letter,
    # The subject first ("Wang said …"), and the verb-first forms English shares with Arabic
    # ("said Portugal defender Pepe", "…, according to X").
    attribution=(
        sources.relative_speaker_past_aside,
        subject_first.subject_or_source,
        verb_first.speaker_after_verb,
        subject_first.subject_after_quote,
        verb_first.verb_after_quote,
        sources.said_after_a_quote,
        sources.trailing_source,
        sources.participle_speaker,
    ),
    # After the verb as in Arabic (said Pepe), and before it: "Ivo Geijsen said".
    speaker_names=(cues.speaker_name, cues.subject_name),
    titles=(titles.titles_before_names, titles.appositions),
)
