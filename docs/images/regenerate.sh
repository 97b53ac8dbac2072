#!/usr/bin/env bash
# Makes the README's images anew from the program itself, from the checkout this script is in:
#   arrivals.png  the arrivals chart of the report of a baseline run (100 replications, seed 1), redrawn by `chart`
#   window.png    the window (`gui`) after ten simulated years of the baseline on seed 1, by `gui --snapshot`;
#                 under xvfb-run (apt-get install xvfb) when there is no display
# Takes about two minutes on two cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"

./escape-routes run scenarios/baseline.json --seed 1 --out "$work/run" --quiet >/dev/null
./escape-routes chart "$work/run" >/dev/null
cp "$work/run/charts/arrivals.png" "$here/arrivals.png"

# 1 January 2008: ten years of the run (day 3652).
window=(./escape-routes gui scenarios/baseline.json --seed 1 --days 3652 --snapshot "$here/window.png")
if [ -n "${DISPLAY:-}" ]; then
  "${window[@]}" >/dev/null
else
  xvfb-run -a -s "-screen 0 1600x1000x24" "${window[@]}" >/dev/null
fi
ls -l "$here"/*.png
