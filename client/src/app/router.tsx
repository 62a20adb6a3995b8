import { createBrowserRouter } from 'react-router';
import { AppLayout } from '@/components/layouts/app-layout';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';

// Client routes. The API answers any other non-API path with index.html, so deep links land here.
export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
