#!/usr/bin/env python3
"""Writes the demo's two synthetic comparison files (not real figures; labelled so in their names):

- Sources/App/Resources/Demo/gemeentecijfers-synthetisch.csv: jobs, establishments and (outside
  Regio Zwolle) inhabitants of all 342 municipalities of 2024, 2015-2024. Zwolle is third on jobs
  per 1,000 inhabitants after Haarlemmermeer and Eindhoven, as the strategy says; its 2020 totals are
  the strategy's (100,290 jobs, 12,241 establishments). Inhabitants follow the straight line
  through CBS's counts of 2019 and 2024, rounded as the demo's population table is (the same
  numbers for Regio Zwolle's municipalities).
- Sources/App/Resources/Demo/ecosysteem-synthetisch.csv: the ten element scores of the 40 COROP
  regions, 2018-2020. In 2020 Noord-Overijssel (CR10) ranks 32nd on the additive index and is below
  the average region on exactly leadership, networks and new knowledge, as the strategy says.

Run from the repository root: python3 scripts/make-demo-comparisons.py (deterministic).
"""
import csv
import math
import random

REFERENCE = "Sources/App/Resources/Reference/"
OUT = "Sources/App/Resources/Demo/"
ELEMENTS = ["formal_institutions", "entrepreneurship_culture", "physical_infrastructure", "demand", "networks",
            "leadership", "talent", "finance", "new_knowledge", "intermediate_services"]
WEAK = {"leadership", "networks", "new_knowledge"}


def rounded(x):
    return int(math.floor(x + 0.5))


def municipal_figures():
    rng = random.Random(193)
    municipalities = list(csv.DictReader(open(REFERENCE + "gemeenten_2024.csv", encoding="utf-8")))
    pop2019 = {row["unique_id"]: int(row["population"]) for row in csv.DictReader(open(REFERENCE + "kwb2019_gemeenten_bevolking.csv", encoding="utf-8"))}
    years = range(2015, 2025)

    def inhabitants(code, p2024, year):
        p2019 = pop2019.get(code)
        if p2019 is None:
            return p2024
        return rounded(p2019 + (p2024 - p2019) / 5 * (year - 2019))

    rows = []
    for m in sorted(municipalities, key=lambda r: r["gemeentecode"]):
        code, p2024 = m["gemeentecode"], int(m["inwoners_2024"])
        # Jobs per 1,000 inhabitants in 2020: Haarlemmermeer and Eindhoven ahead of Zwolle, every
        # other municipality clearly behind it; larger places have more jobs per inhabitant.
        if code == "GM0394":
            ratio = 1010.0
        elif code == "GM0772":
            ratio = 905.0
        elif code == "GM0193":
            ratio = None
        else:
            ratio = min(300 + 55 * math.log10(p2024 / 10000 + 1) * 4 + rng.gauss(0, 70), 700.0 + rng.uniform(0, 20))
            ratio = max(ratio, 220.0)
        growth = rng.uniform(0.002, 0.022)
        per_1000_establishments = rng.uniform(70, 135)
        for year in years:
            people = inhabitants(code, p2024, year)
            if code == "GM0193":
                jobs = rounded(100290 * (1.012 ** (year - 2020)))
                establishments = rounded(12241 * (1.018 ** (year - 2020)))
            else:
                jobs = rounded(ratio * people / 1000 * ((1 + growth) ** (year - 2020)) / (1.004 ** (year - 2020)))
                establishments = rounded(per_1000_establishments * people / 1000 * (1.015 ** (year - 2020)))
            rows.append([code, year, jobs, establishments, people])
    with open(OUT + "gemeentecijfers-synthetisch.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["gemeente", "jaar", "banen", "vestigingen", "inwoners"])
        writer.writerows(rows)


def additive_ranks(scores):
    """scores: {region: {element: score}} -> ({region: rank}, {region: normalised elements})."""
    means = {e: sum(s[e] for s in scores.values()) / len(scores) for e in ELEMENTS}
    normalised = {r: {e: s[e] / means[e] for e in ELEMENTS} for r, s in scores.items()}
    totals = {r: sum(n.values()) for r, n in normalised.items()}
    order = sorted(totals, key=lambda r: (-totals[r], r))
    return {r: order.index(r) + 1 for r in order}, normalised


def ecosystem():
    regions = sorted({row["corop_code"] for row in csv.DictReader(open(REFERENCE + "gemeenten_2024.csv", encoding="utf-8"))})
    rows = []
    for year in (2018, 2019, 2020):
        for attempt in range(10000):
            rng = random.Random(year * 100000 + attempt)
            scores = {r: {e: max(0.2, rng.gauss(1.0, 0.22)) for e in ELEMENTS} for r in regions}
            scores["CR10"] = {e: (rng.uniform(0.62, 0.8) if e in WEAK else rng.uniform(1.0, 1.12)) for e in ELEMENTS}
            ranks, normalised = additive_ranks(scores)
            below = {e for e, v in normalised["CR10"].items() if v < 1}
            wanted_rank = {2018: 30, 2019: 31, 2020: 32}[year]
            if ranks["CR10"] == wanted_rank and below == WEAK:
                break
        else:
            raise SystemExit(f"no scores found for {year}")
        for r in regions:
            for e in ELEMENTS:
                rows.append([r, year, e, f"{scores[r][e]:.4f}"])
    with open(OUT + "ecosysteem-synthetisch.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["regio", "jaar", "element", "score"])
        writer.writerows(rows)


if __name__ == "__main__":
    municipal_figures()
    ecosystem()
