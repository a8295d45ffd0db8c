import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/verdict.css';

function App() {
  return (
    <main style={{ padding: 16 }}>
      <h1>Thông hành</h1>
      <p>Hệ thống cấp và kiểm tra giấy đi đường có mã QR.</p>
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
