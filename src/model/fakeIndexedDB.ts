/**
 * An in-memory IndexedDB for unit tests (Node has none): the part of the API that
 * userModels.ts and gallery.ts use (open with an upgrade, keyPath stores, put/get/getAll/
 * delete/clear, transactions that commit when their requests are done or abort as a whole).
 * Values are structured-cloned in and out, like the real thing. `quotaBytes` makes a commit
 * that would store more bytes of ArrayBuffers fail with a QuotaExceededError.
 */

type Handler = ((this: unknown) => void) | null;
type Rows = Map<IDBValidKey, unknown>;

class Request<T> {
  result: T | undefined;
  error: DOMException | null = null;
  onsuccess: Handler = null;
  onerror: Handler = null;
  onupgradeneeded: Handler = null;
}

interface Database {
  version: number;
  stores: Map<string, { keyPath: string; rows: Rows }>;
}

function bytesIn(v: unknown): number {
  if (v instanceof ArrayBuffer) return v.byteLength;
  if (ArrayBuffer.isView(v)) return v.byteLength;
  if (v && typeof v === 'object') return Object.values(v).reduce((n: number, x) => n + bytesIn(x), 0);
  return 0;
}

export function fakeIndexedDB(options: { quotaBytes?: number } = {}): IDBFactory {
  const databases = new Map<string, Database>();
  const later = (fn: () => void) => setTimeout(fn, 0);

  function connection(db: Database) {
    return {
      objectStoreNames: { contains: (name: string) => db.stores.has(name) },
      createObjectStore(name: string, opts: { keyPath: string }) {
        db.stores.set(name, { keyPath: opts.keyPath, rows: new Map() });
      },
      transaction(names: string | string[], mode: IDBTransactionMode = 'readonly') {
        return transaction(db, typeof names === 'string' ? [names] : names, mode);
      },
    };
  }

  function transaction(db: Database, names: string[], mode: IDBTransactionMode) {
    const staged = new Map(names.map((n) => [n, new Map(db.stores.get(n)!.rows)]));
    let pending = 0;
    let finished = false;
    const tx = {
      error: null as DOMException | null,
      oncomplete: null as Handler,
      onerror: null as Handler,
      onabort: null as Handler,
      objectStore: (name: string) => store(name),
    };
    const finish = () => {
      if (finished || pending > 0) return;
      finished = true;
      const after = new Map(db.stores);
      let total = 0;
      for (const [name, s] of db.stores) total += bytesIn([...(staged.get(name) ?? s.rows).values()]);
      for (const other of databases.values()) if (other !== db) for (const s of other.stores.values()) total += bytesIn([...s.rows.values()]);
      if (mode === 'readwrite' && options.quotaBytes !== undefined && total > options.quotaBytes) {
        tx.error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        tx.onabort?.call(tx);
        return;
      }
      for (const [name, rows] of staged) after.set(name, { ...db.stores.get(name)!, rows });
      db.stores = after;
      tx.oncomplete?.call(tx);
    };
    const request = <T>(run: () => T) => {
      const r = new Request<T>();
      pending++;
      const result = run();
      later(() => {
        r.result = result;
        pending--;
        r.onsuccess?.call(r);
        later(finish);
      });
      return r;
    };
    const store = (name: string) => {
      const rows = staged.get(name);
      if (!rows) throw new DOMException(`store ${name} is not in this transaction`, 'NotFoundError');
      const keyPath = db.stores.get(name)!.keyPath;
      const writable = () => {
        if (mode !== 'readwrite') throw new DOMException('read-only transaction', 'ReadOnlyError');
      };
      return {
        put: (v: Record<string, unknown>) => (writable(), request(() => void rows.set(v[keyPath] as IDBValidKey, structuredClone(v)))),
        get: (k: IDBValidKey) => request(() => structuredClone(rows.get(k))),
        getAll: () => request(() => [...rows.keys()].sort().map((k) => structuredClone(rows.get(k)))),
        delete: (k: IDBValidKey) => (writable(), request(() => void rows.delete(k))),
        clear: () => (writable(), request(() => rows.clear())),
      };
    };
    later(finish);
    return tx;
  }

  const factory = {
    open(name: string, version = 1) {
      const r = new Request<ReturnType<typeof connection>>();
      later(() => {
        let db = databases.get(name);
        if (db && db.version > version) {
          r.error = new DOMException(`version ${version} is older than ${db.version}`, 'VersionError');
          r.onerror?.call(r);
          return;
        }
        const upgrade = !db || db.version < version;
        db ??= { version, stores: new Map() };
        databases.set(name, db);
        db.version = version;
        r.result = connection(db);
        if (upgrade) r.onupgradeneeded?.call(r);
        r.onsuccess?.call(r);
      });
      return r;
    },
  };
  return factory as unknown as IDBFactory;
}
