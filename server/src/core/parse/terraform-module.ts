/**
 * What the .tf files of one folder (a Terraform module) tell each other: which arguments use which
 * policy sources, and which JSON files they read with `file()`. A data source in `policies.tf` used by
 * a role in `roles.tf` is a trust policy; a JSON file read by `aws_organizations_policy.content` is
 * an SCP. The language server and the CLI share this index: open documents' text wins over the disk.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { BINARY_PROBE_LENGTH } from '../limits';
import * as posixPath from 'node:path/posix';
import { pathToFileURL } from 'node:url';
import { PolicyUse } from './terraform-kinds';
import { ResolvedFileLink, TerraformModuleContext, parseTerraformFile } from './terraform';

export interface TerraformFolderReader {
  /** The .tf files of a folder, as full paths with forward slashes. */
  list(folder: string): readonly string[];
  /** Changes whenever the file does; undefined when it cannot be read. */
  stamp(path: string): string | undefined;
  /** The file's text; undefined when it cannot be read, is larger than `maxBytes`, or is binary. */
  read(path: string, maxBytes?: number): string | undefined;
}

export const diskFolderReader: TerraformFolderReader = {
  list(folder) {
    try {
      return readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.tf'))
        .map((entry) => posixPath.join(folder, entry.name));
    } catch {
      return [];
    }
  },
  stamp(path) {
    try {
      const stat = statSync(path);
      return `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return undefined;
    }
  },
  read(path, maxBytes = Infinity) {
    try {
      // Sized before it is read: a sibling file of a gigabyte must not be loaded to be refused.
      if (statSync(path).size > maxBytes) return undefined;
      const bytes = readFileSync(path);
      return bytes.subarray(0, BINARY_PROBE_LENGTH).includes(0) ? undefined : bytes.toString('utf8');
    } catch {
      return undefined;
    }
  },
};

/** Remembers listings and stamps: for one run over files that do not change meanwhile (the CLI). */
export function snapshotFolderReader(reader: TerraformFolderReader = diskFolderReader): TerraformFolderReader {
  const lists = new Map<string, readonly string[]>();
  const stamps = new Map<string, string | undefined>();
  return {
    list(folder) {
      let files = lists.get(folder);
      if (!files) lists.set(folder, (files = reader.list(folder)));
      return files;
    },
    stamp(path) {
      if (!stamps.has(path)) stamps.set(path, reader.stamp(path));
      return stamps.get(path);
    },
    read: (path, maxBytes) => reader.read(path, maxBytes),
  };
}

interface FileFacts {
  /** The disk stamp, or the open text itself. */
  readonly version: string;
  readonly uses: readonly PolicyUse[];
  readonly links: readonly ResolvedFileLink[];
}

/** How far above a JSON file to look for the .tf file that reads it (`policies/x.json` read from the folder above). */
const LINK_SEARCH_DEPTH = 2;

export class TerraformModuleIndex implements TerraformModuleContext {
  private readonly openTexts = new Map<string, string>();
  private readonly facts = new Map<string, FileFacts>();

  constructor(
    private readonly reader: TerraformFolderReader = diskFolderReader,
    private readonly maxFileSize = 2 * 1024 * 1024,
  ) {}

  /**
   * An open document's text: used instead of the file on disk until `closeText`. Pass what its parse
   * already found to save parsing it again.
   */
  setText(path: string, text: string, known?: { readonly uses: readonly PolicyUse[]; readonly links: readonly ResolvedFileLink[] }): void {
    this.openTexts.set(path, text);
    if (known) this.facts.set(path, { version: `open:${text}`, uses: known.uses, links: known.links });
  }

  closeText(path: string): void {
    this.openTexts.delete(path);
    this.facts.delete(path);
  }

  /** The policy sources used by the other .tf files of the folder holding `path`. */
  siblingUses(path: string): readonly PolicyUse[] {
    return this.folderFiles(posixPath.dirname(path))
      .filter((file) => file !== path)
      .flatMap((file) => this.factsOf(file)?.uses ?? []);
  }

  /** The .tf argument that reads the JSON file at `path` with `file()`, if one in its folder or just above does. */
  linkTo(path: string): ResolvedFileLink | undefined {
    let folder = posixPath.dirname(path);
    for (let depth = 0; depth <= LINK_SEARCH_DEPTH; depth++) {
      for (const file of this.folderFiles(folder)) {
        const link = this.factsOf(file)?.links.find((candidate) => candidate.path === path);
        if (link) return link;
      }
      const parent = posixPath.dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    return undefined;
  }

  /** A short fingerprint of what `path` tells its folder: it changes when the uses it declares do. */
  usesSignature(path: string): string {
    return JSON.stringify(this.factsOf(path)?.uses ?? []);
  }

  private folderFiles(folder: string): string[] {
    const files = new Set(this.reader.list(folder));
    for (const path of this.openTexts.keys()) if (posixPath.dirname(path) === folder && path.toLowerCase().endsWith('.tf')) files.add(path);
    return [...files].sort();
  }

  private factsOf(path: string): FileFacts | undefined {
    const open = this.openTexts.get(path);
    const version = open !== undefined ? `open:${open}` : this.reader.stamp(path);
    if (version === undefined) return undefined;
    const known = this.facts.get(path);
    if (known && known.version === version) return known;
    const text = open ?? this.reader.read(path, this.maxFileSize);
    if (text === undefined || text.length > this.maxFileSize) return undefined;
    const parsed = parseTerraformFile(pathToFileURL(path).href, text, { path });
    const facts = { version, uses: parsed.uses, links: parsed.fileLinks };
    this.facts.set(path, facts);
    return facts;
  }
}
