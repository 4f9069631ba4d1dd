"""Prints the source segment next to the emulator's table; exit 0 when they match.

Rows the runs rejected (their keys are in the dead letters, with the reason) are expected to be
missing from Actito: they are listed, not counted as a difference.
"""
import json
import sys
from decimal import Decimal

source_file, actito_file, rejected_file = sys.argv[1:4]

def plain(number):
    """A decimal without trailing zeros or exponent: 450.00 and 4.5E+2 are both 450."""
    return format(Decimal(str(number)).normalize(), "f")


source = {}
with open(source_file, encoding="utf-8") as f:
    for line in f:
        order_id, customer, amount, status, ordered_at = line.rstrip("\n").split("\t")
        source[order_id] = (int(customer), plain(amount), status, ordered_at)

with open(actito_file, encoding="utf-8") as f:
    actito = {
        r["orderId"]: (int(r["customerId"]), plain(r["amount"]), r.get("status"),
                       str(r.get("orderedAt"))[:19])
        for r in json.load(f)
    }

rejected = {}
with open(rejected_file, encoding="utf-8") as f:
    for line in f:
        if line.strip():
            d = json.loads(line)
            rejected[d["key"]] = d.get("actitoMessage") or d.get("reason")

def show(row):
    return "-" if row is None else f"{row[0]} {row[1]} {row[2]} {row[3]}"

print(f"{'order':<10} {'source':<46} {'actito':<46} ")
mismatches = 0
for key in sorted(set(source) | set(actito)):
    s, a = source.get(key), actito.get(key)
    if s == a:
        mark = "ok"
    elif a is None and key in rejected:
        mark = "rejected: " + str(rejected[key])
    else:
        mark = "DIFFERENT"
        mismatches += 1
    print(f"{key:<10} {show(s):<46} {show(a):<46} {mark}")

if mismatches:
    print(f"\nThe tables differ on {mismatches} row(s).")
    sys.exit(1)
print("\nActito matches the source (rejected rows aside, each with its reason in the dead letters).")
