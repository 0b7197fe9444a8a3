export { builtPages, embedPages, pageKinds } from '../../scripts/page-kinds.ts';
