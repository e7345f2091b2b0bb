import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { NotFound } from './components/not-found';
import { AppLayout } from './layout/app-layout';
import { HomeScreen } from './screens/home/home-screen';
import { ProductScreen } from './screens/product/product-screen';
import { SearchScreen } from './screens/search/search-screen';
import { SignInScreen } from './screens/sign-in/sign-in-screen';
import { SupplierScreen } from './screens/supplier/supplier-screen';
import { cssVariablesResolver, theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } },
});

export const App = () => (
  <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route element={<AppLayout />}>
            <Route index element={<HomeScreen />} />
            <Route path="search" element={<SearchScreen />} />
            <Route path="products/:id" element={<ProductScreen />} />
            <Route path="suppliers/:id" element={<SupplierScreen />} />
            <Route path="sign-in" element={<SignInScreen />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  </MantineProvider>
);
