import './page.css';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { useAccentClasses, useNoticeBase, useNoticeClasses } from './notice.js';

function Notice() {
  const classes = useNoticeClasses();
  const base = useNoticeBase();
  const accent = useAccentClasses();
  return h('p', { id: 'notice', className: [base, classes.root, classes.strong, accent.root].join(' ') }, 'Extracted');
}

// The test renders the app itself, and loads the lazy chunk when it wants to.
window.griffelFixture = {
  render: (element) => createRoot(element).render(h(FluentProvider, { theme: webLightTheme }, h(Notice), h(Button, { appearance: 'primary' }, 'Next'))),
  later: () => import('./later.js'),
};
