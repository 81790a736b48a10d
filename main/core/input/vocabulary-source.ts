/** What the input method needs from the catalog, as plain functions the composition root provides. */
export interface VocabularySource {
  /** Changes when the catalog changes (the vocabulary is rebuilt then). */
  version(): string | number;
  /** Texts whose words residents will type: matter names, aliases, departments, materials. */
  texts(): Iterable<string>;
}

/** The catalog calls this source uses (structural, so the input method does not import the catalog). */
export interface CatalogReader {
  status(): { version: number };
  browse(
    filter: object,
    sort: 'popular',
    page: number,
    pageSize: number,
  ): { items: { id: string; name: string; department: string | null }[] };
  matter(id: string): { aliases: string[]; materials: { name: string }[] } | null;
}

/** Matter names and aliases, departments and material names of every matter in the local catalog. */
export function catalogVocabularySource(catalog: CatalogReader): VocabularySource {
  return {
    version: () => catalog.status().version,
    *texts() {
      const { items } = catalog.browse({}, 'popular', 0, 1_000_000);
      for (const item of items) {
        yield item.name;
        if (item.department) yield item.department;
        const matter = catalog.matter(item.id);
        if (!matter) continue;
        yield* matter.aliases;
        for (const m of matter.materials) yield m.name;
      }
    },
  };
}
