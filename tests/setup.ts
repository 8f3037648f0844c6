// IndexedDB for Dexie in Node: every test file gets a working, empty in-memory implementation.
import 'fake-indexeddb/auto'
