import { ArcElement, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from "chart.js";
import { Bar, Doughnut } from "react-chartjs-2";

ChartJS.register(ArcElement, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const PALETTE = ["#1b6ca8", "#4caf50", "#f4a261", "#e76f51", "#9e9e9e", "#6a4c93", "#2a9d8f", "#e9c46a"];

export function BarChart({
  title,
  labels,
  series,
  horizontal = false,
}: {
  title: string;
  labels: string[];
  series: { label: string; values: number[] }[];
  horizontal?: boolean;
}) {
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <Bar
        data={{ labels, datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: PALETTE[i % PALETTE.length] })) }}
        options={{
          responsive: true,
          animation: false,
          indexAxis: horizontal ? "y" : "x",
          plugins: { legend: { display: series.length > 1 } },
          scales: { x: { ticks: { autoSkip: false } }, y: { ticks: { autoSkip: false } } },
        }}
      />
    </figure>
  );
}

export function DoughnutChart({ title, labels, values }: { title: string; labels: string[]; values: number[] }) {
  return (
    <figure className="chart small" aria-label={title}>
      <figcaption>{title}</figcaption>
      <div className="chart-box">
        <Doughnut
          data={{ labels, datasets: [{ data: values, backgroundColor: PALETTE }] }}
          options={{ responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: "right" } } }}
        />
      </div>
    </figure>
  );
}
