"""The figures of `vliegwiel analyse --area all` computed by DuckDB straight from the register CSV,
for the benchmark in bench/analyse.sh: per municipality jobs and establishments in FROM and TO,
jobs per SBI section, and the high-growth enterprises and gazelles (OECD: >= 10 jobs at TO-3,
born before TO-3, jobs TO / jobs TO-3 > 1.728 compared exactly in integers; gazelles born in
TO-5 or TO-4), enterprises summed over their establishments in the municipality.

Usage: python duckdb_analyse.py REGISTER.csv FROM TO OUTPUT.json
"""
import json
import sys

import duckdb

path, first, last, output = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
start = last - 3

# SBI sections by their first division, as in Sources/Analysis/SBI.swift.
starts = [(1, "A"), (5, "B"), (10, "C"), (35, "D"), (36, "E"), (41, "F"), (45, "G"), (49, "H"),
          (55, "I"), (58, "J"), (64, "K"), (68, "L"), (69, "M"), (77, "N"), (84, "O"), (85, "P"),
          (86, "Q"), (90, "R"), (94, "S"), (97, "T"), (99, "U")]
section = "CASE " + " ".join(
    f"WHEN division >= {division} THEN '{letter}'" for division, letter in reversed(starts)) + " END"

con = duckdb.connect()
con.execute(f"""
    CREATE TEMP TABLE r AS
    SELECT gemeente, jaar, kvk_nummer, banen_voltijd + banen_deeltijd AS banen, oprichtingsjaar AS born,
           CAST(substr(replace(sbi, '.', ''), 1, 2) AS INTEGER) AS division
    FROM read_csv('{path}', header = true, columns = {{
        'vestigingsnummer': 'VARCHAR', 'kvk_nummer': 'VARCHAR', 'naam': 'VARCHAR', 'sbi': 'VARCHAR',
        'postcode': 'VARCHAR', 'gemeente': 'VARCHAR', 'jaar': 'INTEGER', 'banen_voltijd': 'INTEGER',
        'banen_deeltijd': 'INTEGER', 'oprichtingsjaar': 'INTEGER'}})
    WHERE jaar IN ({first}, {last}, {start})
""")

result = {}
def area(code):
    return result.setdefault(code, {
        "area": code, "from": first, "to": last, "unit": "enterprise",
        "jobs": {"from": 0, "to": 0}, "establishments": {"from": 0, "to": 0},
        "jobs_by_section": {"from": {s: 0 for _, s in starts}, "to": {s: 0 for _, s in starts}},
        "high_growth": {"count": 0, "ids": []}, "gazelles": {"count": 0, "ids": []}})

for code, year, jobs, count in con.execute(
        f"SELECT gemeente, jaar, sum(banen), count(*) FROM r WHERE jaar IN ({first}, {last}) GROUP BY ALL").fetchall():
    end = "from" if year == first else "to"
    area(code)["jobs"][end] = int(jobs)
    area(code)["establishments"][end] = count

for code, year, letter, jobs in con.execute(
        f"SELECT gemeente, jaar, {section}, sum(banen) FROM r WHERE jaar IN ({first}, {last}) GROUP BY ALL").fetchall():
    area(code)["jobs_by_section"]["from" if year == first else "to"][letter] = int(jobs)

eligible = f"s >= 10 AND e IS NOT NULL AND (born IS NULL OR born < {start}) AND e * 1000 > s * 1728"
for code, fast, gazelles in con.execute(f"""
        WITH f AS (
            SELECT gemeente, kvk_nummer, sum(banen) FILTER (WHERE jaar = {start}) AS s,
                   sum(banen) FILTER (WHERE jaar = {last}) AS e, min(born) AS born
            FROM r WHERE jaar IN ({start}, {last}) GROUP BY ALL)
        SELECT gemeente, list(kvk_nummer ORDER BY kvk_nummer) FILTER (WHERE {eligible}),
               list(kvk_nummer ORDER BY kvk_nummer) FILTER (WHERE {eligible} AND born IN ({last - 5}, {last - 4}))
        FROM f GROUP BY gemeente""").fetchall():
    area(code)["high_growth"] = {"count": len(fast or []), "ids": fast or []}
    area(code)["gazelles"] = {"count": len(gazelles or []), "ids": gazelles or []}

with open(output, "w") as out:
    json.dump(result, out, sort_keys=True, indent=2)
