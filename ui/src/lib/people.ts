// Finding someone on the People view. After years of inquiries there are well over a thousand
// people, shown a page at a time; the search reaches all of them.
import type { Contact } from "./api";

/** Lower case without accents, so "zoe" finds "Zoë" and "JOSE" finds "José". */
function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase();
}

/** Whether the person's name, notes or link contain every word of the query (any order). An
 * empty query matches everyone. */
export function personMatches(contact: Pick<Contact, "name" | "notes" | "profile_url">, query: string): boolean {
  const words = folded(query).split(/\s+/).filter((w) => w !== "");
  if (words.length === 0) return true;
  const haystack = folded([contact.name, contact.notes ?? "", contact.profile_url ?? ""].join("\n"));
  return words.every((w) => haystack.includes(w));
}
