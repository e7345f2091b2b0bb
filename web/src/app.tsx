import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { NotFound } from './components/not-found';
import { RememberLanguage } from './i18n/remember-language';
import { AppLayout } from './layout/app-layout';
import { CampaignFormScreen } from './screens/ads/campaign-form-screen';
import { CampaignScreen } from './screens/ads/campaign-screen';
import { CampaignsScreen } from './screens/ads/campaigns-screen';
import { WalletTopUpScreen } from './screens/ads/wallet-top-up-screen';
import { SupplierAnalyticsScreen } from './screens/analytics/supplier-analytics-screen';
import { DeclarationNewScreen } from './screens/declarations/declaration-new-screen';
import { DeclarationScreen } from './screens/declarations/declaration-screen';
import { DeclarationsScreen } from './screens/declarations/declarations-screen';
import { DisputeDeskScreen } from './screens/disputes/dispute-desk-screen';
import { DisputeScreen } from './screens/disputes/dispute-screen';
import { OpenDisputeScreen } from './screens/disputes/open-dispute-screen';
import { BookingScreen } from './screens/freight/booking-screen';
import { BookingsScreen } from './screens/freight/bookings-screen';
import { FreightSearchScreen } from './screens/freight/freight-search-screen';
import { RateCardNewScreen } from './screens/freight/rate-card-new-screen';
import { RateCardScreen } from './screens/freight/rate-card-screen';
import { RateCardsScreen } from './screens/freight/rate-cards-screen';
import { HomeScreen } from './screens/home/home-screen';
import { InquiriesScreen } from './screens/inquiries/inquiries-screen';
import { InquiryScreen } from './screens/inquiries/inquiry-screen';
import { NotificationsScreen } from './screens/notifications/notifications-screen';
import { CompanyNewScreen } from './screens/onboarding/company-new-screen';
import { CompanyScreen } from './screens/onboarding/company-screen';
import { InvitationScreen } from './screens/onboarding/invitation-screen';
import { SignUpScreen } from './screens/onboarding/sign-up-screen';
import { OperatorHomeScreen } from './screens/operator/operator-home-screen';
import { VerificationQueueScreen } from './screens/operator/verification-queue-screen';
import { OrderScreen } from './screens/orders/order-screen';
import { OrdersScreen } from './screens/orders/orders-screen';
import { PayoutsScreen } from './screens/payments/payouts-screen';
import { ReconciliationScreen } from './screens/payments/reconciliation-screen';
import { ProductScreen } from './screens/product/product-screen';
import { ProductNewScreen } from './screens/products/product-new-screen';
import { SupplierProductsScreen } from './screens/products/supplier-products-screen';
import { OperatorProgramScreen } from './screens/programs/operator-program-screen';
import { OperatorProgramsScreen } from './screens/programs/operator-programs-screen';
import { ProgramsScreen } from './screens/programs/programs-screen';
import { PromotionsScreen } from './screens/promotions/promotions-screen';
import { QuoteNewScreen } from './screens/quotes/quote-new-screen';
import { QuoteScreen } from './screens/quotes/quote-screen';
import { RebatesScreen } from './screens/rebates/rebates-screen';
import { RfqDetailScreen } from './screens/rfqs/rfq-detail-screen';
import { RfqListScreen } from './screens/rfqs/rfq-list-screen';
import { RfqNewScreen } from './screens/rfqs/rfq-new-screen';
import { SearchScreen } from './screens/search/search-screen';
import { SignInScreen } from './screens/sign-in/sign-in-screen';
import { SupplierScreen } from './screens/supplier/supplier-screen';
import { RfqFeedScreen } from './screens/supplier-feed/rfq-feed-screen';
import { TierScreen } from './screens/tiers/tier-screen';
import { cssVariablesResolver, theme } from './theme';

// ECharts and the map are only needed on the trade index: load them with it.
const TradeIndexScreen = lazy(() =>
  import('./screens/trade-index/trade-index-screen').then((m) => ({ default: m.TradeIndexScreen })),
);

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } },
});

export const App = () => (
  <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
    <QueryClientProvider client={queryClient}>
      <RememberLanguage />
      <BrowserRouter>
        <Routes>
          <Route element={<AppLayout />}>
            <Route index element={<HomeScreen />} />
            <Route path="search" element={<SearchScreen />} />
            <Route
              path="trade-index"
              element={
                <Suspense fallback={null}>
                  <TradeIndexScreen />
                </Suspense>
              }
            />
            <Route path="products/:id" element={<ProductScreen />} />
            <Route path="suppliers/:id" element={<SupplierScreen />} />
            <Route path="sign-in" element={<SignInScreen />} />
            <Route path="sign-up" element={<SignUpScreen />} />
            <Route path="company" element={<CompanyScreen />} />
            <Route path="company/new" element={<CompanyNewScreen />} />
            <Route path="invitations/:id" element={<InvitationScreen />} />
            <Route path="notifications" element={<NotificationsScreen />} />
            <Route path="operator" element={<OperatorHomeScreen />} />
            <Route path="operator/verification" element={<VerificationQueueScreen />} />
            <Route path="rfqs" element={<RfqListScreen />} />
            <Route path="rfqs/new" element={<RfqNewScreen />} />
            <Route path="rfqs/:id" element={<RfqDetailScreen />} />
            <Route path="rfqs/:id/quote" element={<QuoteNewScreen />} />
            <Route path="supplier/rfqs" element={<RfqFeedScreen />} />
            <Route path="quotes/:id" element={<QuoteScreen />} />
            <Route path="inquiries" element={<InquiriesScreen />} />
            <Route path="inquiries/:id" element={<InquiryScreen />} />
            <Route path="orders" element={<OrdersScreen />} />
            <Route path="orders/:id" element={<OrderScreen />} />
            <Route path="orders/:id/dispute" element={<OpenDisputeScreen />} />
            <Route path="disputes/:id" element={<DisputeScreen />} />
            <Route path="payouts" element={<PayoutsScreen />} />
            <Route path="declarations" element={<DeclarationsScreen />} />
            <Route path="declarations/new" element={<DeclarationNewScreen />} />
            <Route path="declarations/:id" element={<DeclarationScreen />} />
            <Route path="rebates" element={<RebatesScreen />} />
            <Route path="supplier/products" element={<SupplierProductsScreen />} />
            <Route path="supplier/products/new" element={<ProductNewScreen />} />
            <Route path="supplier/tier" element={<TierScreen />} />
            <Route path="supplier/analytics" element={<SupplierAnalyticsScreen />} />
            <Route path="supplier/programs" element={<ProgramsScreen />} />
            <Route path="supplier/ads" element={<CampaignsScreen />} />
            <Route path="supplier/ads/new" element={<CampaignFormScreen />} />
            <Route path="supplier/ads/:id" element={<CampaignScreen />} />
            <Route path="supplier/ads/:id/edit" element={<CampaignFormScreen />} />
            <Route path="supplier/promotions" element={<PromotionsScreen />} />
            <Route path="freight" element={<FreightSearchScreen />} />
            <Route path="freight/bookings" element={<BookingsScreen />} />
            <Route path="freight/bookings/:id" element={<BookingScreen />} />
            <Route path="forwarder/bookings" element={<BookingsScreen desk />} />
            <Route path="forwarder/rate-cards" element={<RateCardsScreen />} />
            <Route path="forwarder/rate-cards/new" element={<RateCardNewScreen />} />
            <Route path="forwarder/rate-cards/:id" element={<RateCardScreen />} />
            <Route path="operator/reconciliation" element={<ReconciliationScreen />} />
            <Route path="operator/disputes" element={<DisputeDeskScreen />} />
            <Route path="operator/programs" element={<OperatorProgramsScreen />} />
            <Route path="operator/programs/:id" element={<OperatorProgramScreen />} />
            <Route path="operator/ad-wallets" element={<WalletTopUpScreen />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  </MantineProvider>
);
