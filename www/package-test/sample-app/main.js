// The sample app's entry: imports whosaid as an app would, from its npm package, and hands the
// three entry points to the page (the test drives them from Chromium).
import { analyze, ready, version, TrapError } from 'whosaid';
import { highlight } from 'whosaid/highlight';
import * as worker from 'whosaid/worker';

window.sample = { analyze, ready, version, TrapError, highlight, worker };
document.documentElement.dataset.sample = 'loaded';
