/** The APL product list as Alexa receives it: the packages it needs, tappable items, the data kept apart. */
import { describe, expect, it } from 'vitest';
import { PRODUCT_LIST_TOKEN, SELECT_ARGUMENT, productListDirective } from '../../../../skill/platforms/alexa/apl';

const display = {
  title: 'Your cart',
  items: [
    { id: 'p-1', title: 'Whole milk', subtitle: '1 gallon', price: '$3.49' },
    { id: 'p-2', title: 'Oat milk' },
  ],
};

/** Every object in the document, depth first. */
function nodes(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (typeof value !== 'object' || value === null) return [];
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(nodes)];
}

describe('productListDirective', () => {
  const directive = productListDirective(display);
  const document = directive.document as Record<string, unknown>;
  const text = JSON.stringify(document);

  it('imports alexa-styles with a real version, since it uses its spacing resources and text styles', () => {
    expect(text).toMatch(/@spacing\w+/);
    expect(text).toMatch(/textStyle\w+/);
    const imports = document.import as Array<{ name: string; version: string }>;
    expect(imports).toContainEqual({ name: 'alexa-styles', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  });

  it('imports nothing it does not use: alexa-layouts only with one of its layouts', () => {
    const names = (document.import as Array<{ name: string }>).map((entry) => entry.name);
    if (names.includes('alexa-layouts')) expect(text).toMatch(/"type":"Alexa\w+"/);
  });

  it('makes each listed product tappable: a TouchWrapper sending the select argument and the item id', () => {
    const sequence = nodes(document).find((node) => node.type === 'Sequence');
    const item = (sequence?.items as Array<Record<string, unknown>>)[0];
    expect(item).toMatchObject({ type: 'TouchWrapper', onPress: [{ type: 'SendEvent', arguments: [SELECT_ARGUMENT, '${data.id}'] }] });
  });

  it('sends the tap only for a list the shopper may choose from (results), not for the cart', () => {
    const sequence = nodes(document).find((node) => node.type === 'Sequence');
    const onPress = ((sequence?.items as Array<Record<string, unknown>>)[0]!.onPress as Array<{ when: string }>)[0]!;
    expect(onPress.when).toBe('${payload.products.choosable}');
    expect((directive.datasources as { products: { choosable: boolean } }).products.choosable).toBe(false);
    const results = productListDirective({ ...display, choosable: true });
    expect((results.datasources as { products: { choosable: boolean } }).products.choosable).toBe(true);
  });

  it('sends the items (with their ids) as the data source, under the list token', () => {
    expect(directive.token).toBe(PRODUCT_LIST_TOKEN);
    const products = (directive.datasources as { products: { items: Array<{ id: string; title: string; detail: string }> } }).products;
    expect(products).toMatchObject({ title: 'Your cart', text: '', choosable: false });
    expect(products.items).toEqual([
      { id: 'p-1', title: 'Whole milk', detail: '1 gallon · $3.49', imageUrl: '' },
      { id: 'p-2', title: 'Oat milk', detail: '', imageUrl: '' },
    ]);
  });
});
