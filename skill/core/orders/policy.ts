/**
 * The shop's commercial rules, from configuration: who sells, what tax and delivery cost, when a PIN is needed.
 * Currency and tax regime are the locale's shop (shop-settings.ts); amounts here are minor units of that currency.
 */
export interface ShopPolicy {
  sellerName: string;
  /**
   * Sales tax in basis points of the subtotal (825 = 8.25 %), for shops whose tax rule adds sales tax: the rate
   * depends on where the shop delivers, so the deployment sets it. VAT rates are the law's (shop-settings.ts).
   */
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
  taxRateBasisPoints: 825,
  deliveryFeeCents: 499,
  freeDeliveryFromCents: 5000,
  pinThresholdCents: 10000,
  deliveryDays: 2,
  cancelWindowHours: 12,
};
