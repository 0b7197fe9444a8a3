/**
 * Generates the illustrative commune-level tables of a dataset folder, deterministically.
 *   node scripts/generate-illustrative.ts                      → data/quang-ninh (calibrated to published figures)
 *   node scripts/generate-illustrative.ts --scale national OUT → a synthetic national-scale dataset for benchmarks
 *   node scripts/generate-illustrative.ts --scale nui-may      → data/nui-may, a made-up high-poverty province (tests)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { writeCsv } from '../src/pipeline/csv-io.ts';
import { TABLES } from '../src/pipeline/input-schema.ts';
import { generateCoverage, generateDeprivation, generateVillages } from '../src/generator/programme.ts';
import { generatePoverty, type StandardPlan } from '../src/generator/poverty.ts';
import { profilesOfUnits } from '../src/generator/profiles-of-units.ts';
import type { UnitInput } from '../src/generator/profiles.ts';
import { createRng } from '../src/generator/random.ts';
import { QUANG_NINH, syntheticNational, type GeneratorProfile } from '../src/generator/calibration.ts';
import {
  NUI_MAY,
  NUI_MAY_METADATA,
  NUI_MAY_NOT_COLLECTED,
  NUI_MAY_TARGETS,
  nuiMayUnits,
  nuiMayVillages,
} from '../src/generator/nui-may.ts';

const USAGE = `usage: node scripts/generate-illustrative.ts [--scale quang-ninh|nui-may|national|<N>x] [OUT]
  quang-ninh (default): the commune tables of OUT (data/quang-ninh), from its units.csv
  nui-may: a made-up high-poverty province (data/nui-may)
  national, <N>x: a synthetic dataset of N times Quảng Ninh's communes (national: 60), for benchmarks`;

/** The command line, or a usage message and exit code 2 for one it cannot take (not a stack trace). */
function commandLine() {
  try {
    const { values, positionals } = parseArgs({
      options: { scale: { type: 'string', default: 'quang-ninh' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    if (!/^(quang-ninh|nui-may|national|[1-9]\d*x)$/.test(values.scale) || positionals.length > 1)
      throw new Error(`unknown scale or extra arguments: ${process.argv.slice(2).join(' ')}`);
    return { scale: values.scale, out: positionals[0] ?? (values.scale === 'nui-may' ? 'data/nui-may' : 'data/quang-ninh') };
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const { scale, out } = commandLine();
mkdirSync(out, { recursive: true });

let profile: GeneratorProfile;
let units: UnitInput[];
const columns = (name: string) => TABLES.find((t) => t.name === name)!.columns.map((c) => c.name);
if (scale === 'quang-ninh') {
  profile = QUANG_NINH;
  units = parse(readFileSync(join(out, 'units.csv')), { columns: true, bom: true });
} else if (scale === 'nui-may') {
  profile = NUI_MAY;
  units = nuiMayUnits();
  writeFileSync(join(out, 'metadata.json'), `${JSON.stringify(NUI_MAY_METADATA, null, 2)}\n`);
  writeCsv(join(out, 'units.csv'), units as unknown as Record<string, unknown>[], columns('units'));
  writeCsv(join(out, 'targets.csv'), NUI_MAY_TARGETS, columns('targets'));
} else {
  const factor = scale === 'national' ? 60 : Number(scale.replace(/x$/, ''));
  ({ profile, units } = syntheticNational(factor));
  writeFileSync(join(out, 'metadata.json'), `${JSON.stringify(profile.metadata, null, 2)}\n`);
  writeCsv(
    join(out, 'units.csv'),
    units as unknown as Record<string, unknown>[],
    TABLES[0].columns.map((c) => c.name),
  );
}

const rng = createRng(profile.seed);
const profileOf = profilesOfUnits(units, profile.emShareByDistrict, profile.defaultEmShare, rng);
const ctx = { units, profileOf, households: profile.households, rng };
const poverty = profile.standards.flatMap((plan: StandardPlan) => generatePoverty(ctx, plan));
const emShare = new Map(units.map((u) => [u.unit_code, profileOf(u).emShare]));
if (scale === 'nui-may') {
  const collected = columns('poverty').filter((c) => !NUI_MAY_NOT_COLLECTED.includes(c));
  writeCsv(join(out, 'poverty.csv'), poverty as unknown as Record<string, unknown>[], collected);
  writeCsv(join(out, 'villages.csv'), nuiMayVillages(units, rng), columns('villages'));
  console.log(`${out}: poverty ${poverty.length} rows, ${units.length} communes`);
  process.exit(0);
}
const deprivation = generateDeprivation(poverty, (code) => emShare.get(code) ?? 0, rng);
const coverage = generateCoverage(poverty, profile.coverageStandard, rng);

writeCsv(join(out, 'poverty.csv'), poverty as unknown as Record<string, unknown>[], columns('poverty'));
writeCsv(join(out, 'deprivation.csv'), deprivation, columns('deprivation'));
writeCsv(join(out, 'coverage.csv'), coverage, columns('coverage'));
if (profile.villages) {
  const { villages, criteria } = generateVillages(profile.villages, rng);
  writeCsv(join(out, 'villages.csv'), villages, columns('villages'));
  writeCsv(join(out, 'village_criteria.csv'), criteria, columns('village_criteria'));
}
console.log(`${out}: poverty ${poverty.length}, deprivation ${deprivation.length}, coverage ${coverage.length} rows`);
