import { useState } from 'react';
import { createRoot } from 'react-dom/client';

// The baseline: the least a Vite + React page can be, with one interactive control.
function App() {
  const [count, setCount] = useState(0);
  return (
    <main>
      <h1>Bare page</h1>
      <button onClick={() => setCount(count + 1)}>Next</button>
      <p>{count}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
