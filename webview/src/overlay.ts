/** What the panel says when there is no graph to draw: loading, indexing, nothing found, an error. */
import { button, clear, h } from './dom';

const CONFIG_EXAMPLE = `{
  "organizationId": "o-a1b2c3d4e5",
  "accounts": [
    { "id": "111122223333", "name": "prod", "environment": "prod", "paths": ["accounts/prod/**"] },
    { "id": "444455556666", "name": "dev", "environment": "dev", "paths": ["accounts/dev/**"] }
  ],
  "trustedExternalAccounts": [{ "id": "999988887777", "name": "Monitoring vendor" }]
}`;

export class Overlay {
  readonly element = h('div', { className: 'overlay', attrs: { role: 'status' } });

  loading(): void {
    this.show('loading', h('p', {}, h('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } }), 'Loading the trust graph\u2026'));
  }

  indexing(folderName: string, filesRead: number): void {
    this.show(
      'indexing',
      h('p', {}, h('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } }), `Reading ${folderName}: ${filesRead} file${filesRead === 1 ? '' : 's'} so far\u2026`),
      h('progress', { attrs: { 'aria-label': 'Indexing the workspace' } }),
    );
  }

  /** Nothing found: say where the graph comes from and how to describe the organisation. */
  empty(folderName: string, fileCount: number, openConfigDocs: (() => void) | undefined): void {
    this.show(
      'empty',
      h('h2', {}, `No trust relationships found in ${folderName}`),
      h(
        'p',
        {},
        `IAM Atlas read ${fileCount} file${fileCount === 1 ? '' : 's'} and found no role to draw. It draws roles from Terraform `,
        h('code', {}, 'aws_iam_role'),
        ' resources and from JSON trust policies in a ',
        h('code', {}, 'roles/'),
        ' folder, named ',
        h('code', {}, '<role>-trust.json'),
        '.',
      ),
      h('p', {}, 'To place roles in their accounts, add an ', h('code', {}, 'iam-atlas.json'), ' at the root of the workspace:'),
      h('pre', {}, CONFIG_EXAMPLE),
      openConfigDocs
        ? button('How to configure iam-atlas.json', openConfigDocs, { attrs: { 'data-control': 'config-docs' } })
        : h('p', {}, 'See \u201cWorkspace configuration\u201d in the IAM Atlas README.'),
    );
  }

  error(message: string, retry: () => void): void {
    this.show('error', h('p', {}, message), button('Try again', retry));
  }

  hide(): void {
    clear(this.element);
    this.element.hidden = true;
    delete this.element.dataset.state;
  }

  private show(state: string, ...content: HTMLElement[]): void {
    clear(this.element);
    this.element.append(...content);
    this.element.hidden = false;
    this.element.dataset.state = state;
  }
}
