import type { KeyboardEvent } from 'react';

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp']);

/**
 * Arrow keys (and Home, End) inside a tab list or a segmented control: move to the next or
 * previous choice and select it, as native radio buttons do. Put it on the container; its
 * choices are the buttons with role tab or radio, and only the selected one is a tab stop.
 */
export function onRovingKeyDown(e: KeyboardEvent<HTMLElement>): void {
  const items = [
    ...e.currentTarget.querySelectorAll<HTMLButtonElement>(
      'button[role="tab"]:not(:disabled), button[role="radio"]:not(:disabled)',
    ),
  ];
  const at = items.findIndex((b) => b === document.activeElement);
  if (at < 0 || items.length === 0) return;
  let to: number;
  if (NEXT.has(e.key)) to = (at + 1) % items.length;
  else if (PREVIOUS.has(e.key)) to = (at - 1 + items.length) % items.length;
  else if (e.key === 'Home') to = 0;
  else if (e.key === 'End') to = items.length - 1;
  else return;
  e.preventDefault();
  items[to]?.focus();
  items[to]?.click();
}

/** The tab stop of a roving group: the selected choice only. */
export const rovingTabIndex = (selected: boolean): 0 | -1 => (selected ? 0 : -1);
