import type { Lang } from '@kontor/core/errors';
import { resolveLang } from '@kontor/core/errors/messages.js';

/** The nearest ancestor's `lang` below the document element, crossing shadow roots. */
export function ancestorLang(element: Element): string | null {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof ShadowRoot) {
      node = node.host;
      continue;
    }
    if (node instanceof Element) {
      if (node === document.documentElement) return null;
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode;
  }
  return null;
}

/** `de` or `en` from the first tag that is set. */
export function firstLang(...tags: (string | null | undefined)[]): Lang {
  for (const tag of tags) if (tag) return resolveLang(tag);
  return 'en';
}

// One observer for the page: a `lang` change anywhere in the light DOM re-renders every connected element.
const connected = new Set<{ requestUpdate(): void }>();
let observer: MutationObserver | undefined;

export function observeLang(element: { requestUpdate(): void }): void {
  connected.add(element);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => connected.forEach((e) => e.requestUpdate()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}

export function unobserveLang(element: { requestUpdate(): void }): void {
  connected.delete(element);
}
