import type { interfaces } from 'ask-sdk-model';
import type { Display } from '../../core/turn';

type RenderDocumentDirective = interfaces.alexa.presentation.apl.RenderDocumentDirective;

export const APL_INTERFACE = 'Alexa.Presentation.APL';
export const PRODUCT_LIST_TOKEN = 'vocart-product-list';
/** The request a SendEvent command produces (request-to-turn.ts reads it back). */
export const USER_EVENT = 'Alexa.Presentation.APL.UserEvent';
/** First SendEvent argument of a tap on a listed product; the second is the product id. */
export const SELECT_ARGUMENT = 'vocart.select';

/**
 * Core components only; the spacing resources (@spacingSmall…) and text styles (textStyleBody…) come from Amazon's
 * alexa-styles package, which the document must import: without the import the runtime knows none of those names.
 */
const productListDocument = {
  type: 'APL',
  // Old enough for every Echo Show in the field; nothing below needs a newer runtime.
  version: '2023.2',
  import: [{ name: 'alexa-styles', version: '1.6.0' }],
  mainTemplate: {
    parameters: ['payload'],
    items: [
      {
        type: 'Container',
        width: '100vw',
        height: '100vh',
        paddingLeft: '@spacingMedium',
        paddingRight: '@spacingMedium',
        paddingTop: '@spacingSmall',
        items: [
          { type: 'Text', text: '${payload.products.title}', style: 'textStyleDisplay5', maxLines: 1 },
          {
            type: 'Text',
            when: '${payload.products.text != ""}',
            text: '${payload.products.text}',
            style: 'textStyleBody',
            maxLines: 2,
          },
          {
            type: 'Sequence',
            grow: 1,
            shrink: 1,
            paddingTop: '@spacingSmall',
            data: '${payload.products.items}',
            items: [
              {
                // A tap says which product, by id; the skill turns it into the same selection as "the second one".
                type: 'TouchWrapper',
                // Only a list of results is choosable; a cart on screen is only shown.
                onPress: [{ type: 'SendEvent', when: '${payload.products.choosable}', arguments: [SELECT_ARGUMENT, '${data.id}'] }],
                item: {
                  type: 'Container',
                  direction: 'row',
                  alignItems: 'center',
                  paddingBottom: '@spacingSmall',
                  items: [
                    {
                      type: 'Image',
                      when: '${data.imageUrl != ""}',
                      source: '${data.imageUrl}',
                      width: '12vh',
                      height: '12vh',
                      scale: 'best-fit',
                    },
                    {
                      type: 'Container',
                      grow: 1,
                      shrink: 1,
                      paddingLeft: '@spacingSmall',
                      items: [
                        { type: 'Text', text: '${ordinal}. ${data.title}', style: 'textStyleBody', maxLines: 2 },
                        {
                          type: 'Text',
                          when: '${data.detail != ""}',
                          text: '${data.detail}',
                          style: 'textStyleCallout',
                          maxLines: 1,
                        },
                      ],
                    },
                  ],
                },
              },
            ],
            numbered: true,
          },
        ],
      },
    ],
  },
};

function detailLine(subtitle: string | undefined, price: string | undefined): string {
  return [subtitle, price].filter((part): part is string => Boolean(part)).join(' · ');
}

/** An APL product list for screen devices; the data travels as a data source, never spliced into the document. */
export function productListDirective(display: Display): RenderDocumentDirective {
  return {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: PRODUCT_LIST_TOKEN,
    document: productListDocument,
    datasources: {
      products: {
        title: display.title,
        text: display.text ?? '',
        choosable: display.choosable === true,
        items: (display.items ?? []).map((item) => ({
          id: item.id,
          title: item.title,
          detail: detailLine(item.subtitle, item.price),
          imageUrl: item.imageUrl ?? '',
        })),
      },
    },
  };
}
