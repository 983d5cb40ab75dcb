/** One step of the schema. Shipped migrations are never edited: a change is a new migration. */
export interface Migration {
  /** 1, 2, 3... in the order they apply; a database records the versions it has. */
  version: number;
  name: string;
  sql: string;
}
