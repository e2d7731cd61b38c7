/**
 * Everything that speaks Gladly: connections (encrypted token), the HTTP client and its shared request budget,
 * Contact Export parsing, the mapping rules, and the sync job. Gladly's wire format stops here: other modules
 * see {@link com.rostra.contacts.ContactRecord}s and this module's small API.
 */
package com.rostra.gladly;
