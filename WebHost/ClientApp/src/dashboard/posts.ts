// Post and quota status of the followed emergency: asked, accepted, at the post, reserve left, filled.
import { t, tf } from '../shared/i18n';
import type { PostRollCall } from './emergency-types';

export function renderPosts(root: HTMLElement, posts: readonly PostRollCall[]): void {
  root.hidden = posts.length === 0;
  root.querySelector('tbody')!.replaceChildren(
    ...[...posts].sort((a, b) => a.name.localeCompare(b.name)).map((post) => {
      const row = document.createElement('tr');
      row.dataset.post = post.postId;
      const filled = post.filled ?? post.atPost >= post.quota;
      row.classList.toggle('filled', filled);
      const cells: [string, string][] = [
        ['name', post.name],
        ['quota', String(post.quota)],
        ['asked', String(post.asked)],
        ['accepted', String(post.accepted)],
        ['atPost', String(post.atPost)],
        ['reserveLeft', String(post.reserveLeft)],
        ['state', filled ? t('filled') : tf('short', { n: Math.max(0, post.quota - post.atPost) })],
      ];
      row.replaceChildren(
        ...cells.map(([field, text]) => {
          const cell = document.createElement('td');
          cell.dataset.field = field;
          cell.textContent = text;
          return cell;
        }),
      );
      return row;
    }),
  );
}
