import { installProfile } from '../../src/profile/active.js';
import { loadProfileFile } from '../../src/profile/load.js';

// LIBRARY_PROFILE=profiles/minato.json runs the tests under another library's profile (issue 25):
// installed before the test file's modules run, as runtime.ts installs it at start.
const path = process.env.LIBRARY_PROFILE;
if (path) installProfile(loadProfileFile(path));
