import { afterAll } from 'vitest';
import { removeScratchDirs } from './scratch-dir.ts';

afterAll(removeScratchDirs);
