#!/usr/bin/env bash
# Runs a sweep on a SLURM cluster: one chunk of its points per task of a job array, each into its own folder;
# sweep-merge then joins the chunks into one folder identical to the whole sweep run at once.
#
# From the project folder, after building the jar once (mvn -q -B -DskipTests package; the ./escape-routes
# launcher would rebuild it from every task at once):
#
#   jobs=$(sbatch --parsable --array=1-20 scenarios/sweeps/slurm-array.sh \
#          scenarios/sweeps/enforcement.json results/enforcement-slurm 20)
#   sbatch --dependency=afterok:$jobs --wrap \
#          "java -jar target/escape-routes.jar sweep-merge results/enforcement-slurm/chunk-* \
#           --out results/enforcement-slurm/merged"
#
# Arguments: the sweep spec, the folder for the chunks, the number of chunks N. The array's task ids must be
# chunk numbers, 1..N. A task that failed or ran out of time is simply submitted again with the same arguments
# (sbatch --array=7,12 ... 20): it continues its chunk's folder where it stopped.
#SBATCH --job-name=escape-routes-sweep
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=slurm-%A_%a.out
set -euo pipefail
usage="usage: sbatch --array=1-N slurm-array.sh SPEC CHUNKS_DIR N"
spec="${1:?$usage}"
out="${2:?$usage}"
chunks="${3:?$usage}"
task="${SLURM_ARRAY_TASK_ID:?not an array task: $usage}"
if [ "$task" -lt 1 ] || [ "$task" -gt "$chunks" ]; then
  echo "array task $task is not a chunk number 1..$chunks: submit with --array=1-$chunks" >&2
  exit 2
fi
mkdir -p "$out"
# The JVM options of the launcher: the parallel collector with a fixed, pre-touched young generation.
exec java -XX:+UseParallelGC -Xmn400m -XX:+AlwaysPreTouch -jar target/escape-routes.jar sweep "$spec" \
  --chunk "$task/$chunks" --threads "${SLURM_CPUS_PER_TASK:-1}" --out "$out/chunk-$task" --quiet
