/** Server-rendered pages. Reads every module through its public API; owns no tables. */
package com.rostra.web;
