import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

// The baseline: the least a Vite + React page can be, with one interactive control and a second route that Next
// opens (its heading takes focus, as the wizard's pages do).
function App() {
  const [route, setRoute] = useState(location.hash === '#second' ? 'second' : 'first');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [route]);
  const next = () => {
    const to = route === 'first' ? 'second' : 'first';
    history.pushState(null, '', `#${to}`);
    setRoute(to);
  };
  return (
    <main>
      <h1 ref={heading} tabIndex={-1}>
        {route === 'first' ? 'Bare page' : 'Second page'}
      </h1>
      <button onClick={next}>Next</button>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
