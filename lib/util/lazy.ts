// Module-level singletons (the environment, the database client, the logger) are built on first use, not
// at import: `next build` imports every server module, and a build must need neither a database nor
// secrets. Methods are bound to the real object so `this` inside them is what the library expects.
export function lazy<T extends object>(make: () => T): T {
  let value: T | undefined;
  const target = () => (value ??= make());
  return new Proxy({} as T, {
    get(_, prop) {
      const real = target();
      const member = Reflect.get(real, prop, real);
      return typeof member === "function" ? member.bind(real) : member;
    },
    has: (_, prop) => Reflect.has(target(), prop),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, prop) => {
      const d = Reflect.getOwnPropertyDescriptor(target(), prop);
      return d ? { ...d, configurable: true } : d;
    },
    set: (_, prop, v) => Reflect.set(target(), prop, v),
    // Test spies (vi.spyOn) define and restore properties: they belong on the real object.
    defineProperty: (_, prop, descriptor) => Reflect.defineProperty(target(), prop, descriptor),
    deleteProperty: (_, prop) => Reflect.deleteProperty(target(), prop),
  });
}
