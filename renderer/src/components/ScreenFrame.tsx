import { createContext, useContext, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { ScrollArea } from './ScrollArea.js';
import { TopBar } from './TopBar.js';

type Slots = { actions: HTMLElement | null; dock: HTMLElement | null };
const FrameSlots = createContext<Slots>({ actions: null, dock: null });

/**
 * The one frame of every resident screen: a fixed top bar, a content area that scrolls visibly when it does not fit,
 * and a fixed bottom action bar where the screen's main actions (提交, 下一步, 返回) always live. A step puts its actions
 * there with <FrameActions>, wherever it is in the tree.
 */
export function ScreenFrame({
  title,
  showBack,
  onBack,
  canExit,
  testId,
  className,
  above,
  children,
  ...data
}: {
  title: string;
  showBack: boolean;
  onBack?: () => void;
  canExit?: boolean;
  testId: string;
  className?: string;
  /** fixed lines between the top bar and the content (breadcrumb, notices) */
  above?: ReactNode;
  children: ReactNode;
} & { [k: `data-${string}`]: string | undefined }) {
  const [actions, setActions] = useState<HTMLElement | null>(null);
  const [dock, setDock] = useState<HTMLElement | null>(null);
  const [hint, setHint] = useState<HTMLElement | null>(null);
  return (
    <main className={['screen', 'frame', className ?? ''].join(' ').trim()} data-testid={testId} {...data}>
      <TopBar title={title} showBack={showBack} onBack={onBack} canExit={canExit} />
      {above}
      <FrameSlots.Provider value={{ actions, dock }}>
        <ScrollArea className="frame-content" testId="frame-content" hintSlot={hint}>
          {children}
        </ScrollArea>
      </FrameSlots.Provider>
      <div className="frame-dock" data-testid="frame-dock" ref={setDock} />
      <footer className="frame-footer">
        <div className="frame-hint" ref={setHint} />
        <div className="frame-actions" data-testid="frame-actions" ref={setActions} />
      </footer>
    </main>
  );
}

/** Renders its buttons in the frame's bottom action bar (in place when there is no frame). */
export function FrameActions({ children }: { children: ReactNode }) {
  const slot = useContext(FrameSlots).actions;
  const bar = <div className="actions">{children}</div>;
  return slot ? createPortal(bar, slot) : bar;
}

/**
 * Docks an on-screen keyboard above the action bar: it stays whole and in view while the field and the results
 * above it scroll.
 */
export function FrameDock({ children }: { children: ReactNode }) {
  const slot = useContext(FrameSlots).dock;
  return slot ? createPortal(children, slot) : <>{children}</>;
}
