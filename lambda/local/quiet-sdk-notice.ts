/**
 * Imported first by `npm start`: Lambda runs Node 22, and the AWS SDK's notice about a local Node 20 would only
 * bury the lines that say what runs where. ES modules evaluate imports in order, so this runs before the SDK loads.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
