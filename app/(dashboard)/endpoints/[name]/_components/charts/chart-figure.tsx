import styles from './charts.module.css';

/** A chart's frame: a `<figure>` named by its caption, so people and tests find it by role and name. */
export function ChartFigure({ title, unit, children }: { title: string; unit: string; children: React.ReactNode }) {
  return (
    <figure className={`card ${styles.chart}`}>
      <figcaption>
        <h3>{title}</h3>
        <span className="muted">{unit}</span>
      </figcaption>
      {children}
    </figure>
  );
}

export function ChartSkeleton() {
  return <div className={styles.skeleton} aria-hidden="true" />;
}
