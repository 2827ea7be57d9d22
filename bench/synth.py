"""A seeded synthetic corpus of attributed statements with known same-claim groups.

Usage: python bench/synth.py N [--seed 7] > corpus.jsonl

Each line is one statement: ``{"id", "group", "variant", "text", "speaker", "outlet", "said_on"}``.
Statements of one ``group`` make the same claim: the first is the claim as first reported, the
others are copies quoted by other outlets, paraphrases (other word order, synonyms, names from the
terms table in another spelling, numbers as words) and light edits. Hard negatives come free:
every claim template is reused with other places, actors and numbers in other groups, so many
statements differ from a claim by one name or one number and are *not* in its group.

The same N and seed give the same corpus. Place and person names are made of random syllables so
the vocabulary grows with N the way a real archive's does.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

# Claim templates: (subject, verb phrase, object) slots filled from the pools below. Two wordings
# per template let paraphrases change more than word order.
TEMPLATES = [
    ("{actor} conducted {n} air strikes against {group} targets near {place}",
     "near {place}, {n_words} strikes by {actor} hit {group} positions"),
    ("{n} civilians were killed in {place} when {group} fighters attacked a checkpoint",
     "{group} militants attacked a checkpoint in {place}, killing {n_words} civilians"),
    ("{actor} said there were no military operations near {place} on {day}",
     "no operations took place around {place} on {day}, according to {actor}"),
    ("{group} remnants have returned to villages around {place}",
     "villages near {place} have seen {group} remnants return"),
    ("the {actor} destroyed {n} {group} buildings in {place}",
     "{n_words} buildings held by {group} in {place} were destroyed by the {actor}"),
    ("{n} families fled {place} after shelling by {group}",
     "shelling by {group} forced {n_words} families to flee {place}"),
    ("the water supply to {place} was cut for {n} days",
     "{place} went without water for {n_words} days"),
    ("{actor} arrested {n} suspected {group} members in {place}",
     "{n_words} men suspected of belonging to {group} were detained by {actor} in {place}"),
    ("the governor of {place} announced a curfew after {n} attacks",
     "after {n_words} attacks a curfew was declared in {place} by its governor"),
    ("{actor} and local forces held a joint operation in {place} on {day}",
     "on {day} local forces and {actor} ran a joint operation in {place}"),
    ("a report found that {group} exploited the security gap near {place}",
     "the security gap around {place} was exploited by {group}, the report said"),
    ("{n} rockets were fired at the airport in {place}",
     "the {place} airport was hit by {n_words} rockets"),
]
ACTORS = ["the US-led coalition", "Iraqi Security Forces", "the Peshmerga", "US Central Command",
          "the Federal Police", "the army", "the Popular Mobilization Forces", "local police",
          "the interior ministry", "the counter-terrorism service"]
ACTOR_VARIANTS = {"Iraqi Security Forces": "the ISF", "US Central Command": "CENTCOM",
                  "the Popular Mobilization Forces": "the Hashd al-Shaabi"}
GROUPS = ["Islamic State", "al-Qaeda", "PKK", "rebel", "militia", "gunmen"]
GROUP_VARIANTS = {"Islamic State": ["Daesh", "ISIS", "ISIL", "IS"], "al-Qaeda": ["al-Qaida"]}
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve"]
OUTLETS = ["Kurdistan 24", "Rudaw", "Reuters", "AFP", "AP", "BBC", "Al Jazeera", "The National",
           "Shafaq News", "Iraqi News Agency", "Asharq Al-Awsat", "Middle East Eye"]
SYLLABLES = ["ba", "dar", "kh", "mour", "zan", "ha", "bil", "ra", "mos", "ul", "qa", "ya", "ra",
             "sin", "jar", "tel", "af", "ar", "kir", "kuk", "sul", "ai", "man", "dok", "hit",
             "an", "bar", "tik", "rit", "fal", "lu", "jah", "ram", "adi", "na", "sha", "qu"]
SPEAKER_FIRST = ["Ahmed", "Thomas", "Rizgar", "Sarah", "Omar", "Layla", "Hassan", "John", "Nadia",
                 "Karim", "Dilan", "Shirin", "Yusuf", "Mariam", "Ali", "Peter"]


@dataclass
class Claim:
    template: int
    slots: dict[str, str]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _fill(template: str, slots: dict[str, str]) -> str:
    text = template.format(**slots)
    return text[0].upper() + text[1:] + "."


def _paraphrase_slots(rng: random.Random, slots: dict[str, str]) -> dict[str, str]:
    out = dict(slots)
    if slots["actor"] in ACTOR_VARIANTS and rng.random() < 0.6:
        out["actor"] = ACTOR_VARIANTS[slots["actor"]]
    if slots["group"] in GROUP_VARIANTS and rng.random() < 0.7:
        out["group"] = rng.choice(GROUP_VARIANTS[slots["group"]])
    return out


def generate(n: int, seed: int = 7, with_slots: bool = False) -> Iterator[dict[str, object]]:
    """Yield ``n`` statements; see the module docstring. ``with_slots``: each also carries its
    claim's ``template`` and ``slots``, from which ``query_for`` words a query afresh."""
    rng = random.Random(seed)
    places = [_name(rng, rng.randint(2, 3)) for _ in range(max(50, n // 20))]
    speakers = [f"{rng.choice(SPEAKER_FIRST)} {_name(rng, 2)}" for _ in range(max(20, n // 200))]
    start = date(2015, 1, 1)
    made = 0
    group = 0
    while made < n:
        group += 1
        number = rng.randint(2, 12)
        slots = {
            "actor": rng.choice(ACTORS),
            "group": rng.choice(GROUPS),
            "place": rng.choice(places),
            "n": str(number),
            "n_words": NUMBER_WORDS[number],
            "day": (start + timedelta(days=rng.randrange(3000))).strftime("%-d %B"),
        }
        template = rng.randrange(len(TEMPLATES))
        first, second = TEMPLATES[template]
        said_on = start + timedelta(days=rng.randrange(3000))
        size = min(n - made, 1 + int(rng.expovariate(1 / 2.5)))
        size = min(size, 8)
        for variant in range(size):
            if variant == 0:
                text, kind = _fill(first, slots), "original"
            else:
                roll = rng.random()
                if roll < 0.35:
                    text, kind = _fill(first, slots), "copy"
                elif roll < 0.8:
                    text, kind = _fill(second, _paraphrase_slots(rng, slots)), "paraphrase"
                else:
                    text = _fill(first, _paraphrase_slots(rng, slots))
                    text = text.replace(" the ", " ", 1).replace(".", ", officials said.", 1)
                    kind = "edit"
            made += 1
            row: dict[str, object] = {
                "id": made,
                "group": group,
                "variant": kind,
                "text": text,
                "speaker": rng.choice(speakers),
                "outlet": rng.choice(OUTLETS),
                "said_on": (said_on + timedelta(days=variant)).isoformat(),
            }
            if with_slots:
                row |= {"template": template, "slots": slots}
            yield row


# Words an editor adds around a claim, and words of the claim they leave out.
HEDGES = ["reportedly", "officials say", "sources claim", "it is alleged that", "we hear"]
DROPPABLE = {"the", "a", "in", "near", "of", "on", "by", "at", "were", "was", "when"}


def query_for(group_first: dict[str, object], seed: int) -> str:
    """A rewording of a stored claim, not itself stored: what an editor would type.

    The claim's other wording (another order of its clauses, other verbs: "near X, two strikes by
    CENTCOM hit IS positions" for "US Central Command conducted 2 air strikes against Islamic
    State targets near X"), its names as the terms table's other spellings where there are some,
    its number as a word or a digit, a hedge added, one or two small words dropped. Without the
    claim's slots (an old corpus file), the stored text with small words dropped.
    """
    rng = random.Random(seed)
    if "slots" in group_first:
        slots = dict(group_first["slots"])  # type: ignore[call-overload]
        first, second = TEMPLATES[int(group_first["template"])]  # type: ignore[call-overload]
        wording = second if rng.random() < 0.8 else first
        words = _fill(wording, _paraphrase_slots(rng, slots)).rstrip(".").split()
        hedge = rng.choice(HEDGES)
        words = hedge.split() + words if rng.random() < 0.5 else words + [hedge]
    else:
        words = str(group_first["text"]).rstrip(".").split()
    for _ in range(rng.randint(1, 2)):
        small = [i for i, w in enumerate(words) if w.lower() in DROPPABLE]
        if small:
            del words[rng.choice(small)]
    return " ".join(words).lower()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many statements")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    for row in generate(args.n, args.seed):
        sys.stdout.write(json.dumps(row) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
