/**
 * Independent evidence besides arrivals: facts with sources and plausible ranges (repatriations, people held or
 * hiding in China, years spent in China, routes, origins) read from a CSV file ({@link
 * escaperoutes.evidence.EvidenceFile}; the program ships {@code other-evidence.csv}), the simulated statistic each
 * is compared with ({@link escaperoutes.evidence.EvidenceMeasure}), and the loss term that reads its range honestly
 * ({@link escaperoutes.evidence.EvidenceItem#loss}). Uses only {@code observe}, {@code io} and {@code stats}.
 */
package escaperoutes.evidence;
