/** The shop's commercial rules, from configuration: who sells, what tax and delivery cost, when a PIN is needed. */
export interface ShopPolicy {
  sellerName: string;
  currency: string;
  /** Sales tax in basis points of the subtotal (825 = 8.25 %). */
  taxRateBasisPoints: number;
  deliveryFeeCents: number;
  /** Subtotal from which delivery is free. */
  freeDeliveryFromCents: number;
  /** Orders whose total exceeds this need the voice PIN. */
  pinThresholdCents: number;
  deliveryDays: number;
  /** Orders can be cancelled until they are dispatched, this many hours after placing. */
  cancelWindowHours: number;
}

export const DEFAULT_POLICY: ShopPolicy = {
  sellerName: 'vocart demo shop',
  currency: 'USD',
  taxRateBasisPoints: 825,
  deliveryFeeCents: 499,
  freeDeliveryFromCents: 5000,
  pinThresholdCents: 10000,
  deliveryDays: 2,
  cancelWindowHours: 12,
};
