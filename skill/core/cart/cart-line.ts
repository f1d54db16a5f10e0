/**
 * One line of a cart: a product and how many. A leaf of its own, so the port interfaces and the shapes they carry
 * (a handoff case keeps the cart it was opened with) can both name it without importing each other.
 */
export interface CartLine {
  productId: string;
  quantity: number;
}
