/**
 * The version of the rules and reference data a device judges with, named in every report. The
 * HR service compares the device's results with its own only under the same version; bump it with
 * any change to a rule, a severity or the reference data (a test pins the catalogue's digest).
 */
export const CATALOGUE_VERSION = '2026.12.6';
