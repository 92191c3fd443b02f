"""Writes N synthetic organisations in the relations register's CSV format to stdout (deterministic)."""
import random
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
rng = random.Random(20261129)
codes = ["62.01", "62.02", "47.91", "86.10.2", "86.21", "28.29", "25.11", "71.12", "73.11", "52.10", "49.41", "46.90", "56.10.1", "69.20.1", "70.22"]
kinds = ["company"] * 17 + ["education", "knowledge_institute", "intermediary"]
tags = ["ict", "health", "maakindustrie", "creatief", "logistiek", ""]
print("kind,name,kvk_number,establishment_numbers,sbi,address,postcode,municipality,website,account_manager,tags,notes,origin_municipality,arrived_on")
for n in range(count):
    establishments = ";".join(f"{rng.randrange(10**11, 10**12):012d}" for _ in range(rng.choice([1, 1, 1, 2, 3])))
    postcode = f"{rng.randrange(8000, 8050)}{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}"
    tag = rng.choice(tags)
    print(f"{rng.choice(kinds)},Synthetische organisatie {n},{rng.randrange(10**7, 10**8):08d},{establishments},{rng.choice(codes)},"
          f"Voorbeeldstraat {rng.randrange(1, 300)},{postcode},GM0193,https://org{n}.example,,{tag},,,")
