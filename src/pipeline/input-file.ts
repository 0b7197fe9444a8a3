import { lstatSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { fileIssue, type Issue } from './issues.ts';

const MB = 1024 * 1024;

/**
 * The most a dataset's file may hold, by kind: a national dataset's largest table is 20 MB of CSV,
 * so these are far beyond any province's data, and below what would take the pipeline's memory.
 */
const LIMITS: Record<string, number> = { '.csv': 256 * MB, '.xlsx': 128 * MB, '.geojson': 128 * MB, '.json': 1 * MB };
/** What a workbook's parts may hold once inflated: a small file can inflate to gigabytes, and the reader makes a dozen objects a cell. */
const XLSX_INFLATED = 256 * MB;

const inMB = (bytes: number) => `${Math.ceil(bytes / MB)} MB`;

/** A workbook's size once inflated, from its ZIP directory, without inflating it. */
function inflatedSize(path: string): number {
  let total = 0;
  try {
    unzipSync(readFileSync(path), {
      filter: (entry) => {
        total += entry.originalSize;
        return false;
      },
    });
  } catch {
    // Not a ZIP at all: the workbook reader says so, with its own words.
  }
  return total;
}

/**
 * Whether a dataset's file can be read as it is, in the folder: a regular file (not a link, whose
 * target may lie anywhere, nor a folder or a device, which may never end) of a size a province's
 * data can have. Pushes the reason and returns false when it cannot.
 */
export function readableInput(dir: string, file: string, issues: Issue[]): boolean {
  const path = join(dir, file);
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) {
    issues.push(fileIssue('error', file, 'not_a_file', 'a link to a file elsewhere: copy the file itself into the dataset folder'));
    return false;
  }
  if (!stat.isFile()) {
    issues.push(fileIssue('error', file, 'not_a_file', 'not a file (a folder or a device): the dataset needs a file of this name'));
    return false;
  }
  const limit = LIMITS[extname(file).toLowerCase()] ?? LIMITS['.csv'];
  if (stat.size > limit) {
    issues.push(
      fileIssue('error', file, 'file_too_large', `${inMB(stat.size)}, more than the ${inMB(limit)} a file may hold: is it the right file?`),
    );
    return false;
  }
  if (extname(file).toLowerCase() === '.xlsx' && inflatedSize(path) > XLSX_INFLATED) {
    issues.push(
      fileIssue(
        'error',
        file,
        'file_too_large',
        `the workbook inflates to more than ${inMB(XLSX_INFLATED)}: save the table as CSV (UTF-8), or check it is the right file`,
      ),
    );
    return false;
  }
  return true;
}
