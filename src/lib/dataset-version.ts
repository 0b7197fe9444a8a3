/**
 * A dataset version is part of published paths (frozen embeds, the ZIP's name) and of embed
 * snippets: digits and dots, as in "2026.11.1", perhaps with a suffix such as "-rc1". The
 * pipeline refuses anything else, and the build checks it again before using it.
 */
export const DATASET_VERSION = /^\d{1,4}(\.\d{1,4}){0,3}(-[a-z0-9]{1,12})?$/;

export function checkedVersion(version: unknown): string {
  if (typeof version !== 'string' || !DATASET_VERSION.test(version))
    throw new Error(`the dataset version ${JSON.stringify(version)} is not of the form 2026.11.1`);
  return version;
}
