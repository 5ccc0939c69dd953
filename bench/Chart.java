import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the table of bench/caches.sh as a PNG: one bar per system (req/s, median of the rounds) with its p99, the
 * module's rows in one colour, the other caches in another, the ceilings in grey; the table's first line (date,
 * machine, commit, load) as the caption. Runs headless with the JDK alone.
 * Usage: java Chart.java TABLE.md OUT.png
 */
public class Chart {
    private record Row(String system, double rps, String p99) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        String caption = lines.get(0);
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split("\\|");
            if (cells.length > 3 && !cells[1].isBlank() && cells[2].trim().matches("[0-9.]+")) {
                rows.add(new Row(cells[1].trim(), Double.parseDouble(cells[2].trim()), cells[3].trim()));
            }
        }
        double max = rows.stream().mapToDouble(Row::rps).max().orElse(1);
        int left = 150;
        int barHeight = 26;
        int top = 70;
        int width = 900;
        int plot = width - left - 200;
        int height = top + rows.size() * (barHeight + 10) + 40;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Requests per second (median of interleaved rounds), p99 latency", 20, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(caption, 20, 50);
        int y = top;
        for (Row row : rows) {
            boolean ceiling = row.system().endsWith("ceiling");
            boolean module = row.system().startsWith("fast-lane") || row.system().startsWith("filter")
                    && !ceiling;
            g.setColor(ceiling ? new Color(0x9e9e9e) : module ? new Color(0x1f6fb2) : new Color(0xe08a1e));
            int bar = (int) Math.round(plot * row.rps() / max);
            g.fillRect(left, y, Math.max(1, bar), barHeight);
            g.setColor(Color.BLACK);
            g.drawString(row.system(), 20, y + barHeight - 8);
            g.drawString(String.format("%,.0f req/s, p99 %s ms", row.rps(), row.p99()), left + bar + 8,
                    y + barHeight - 8);
            y += barHeight + 10;
        }
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, top - 4, left, y);
        g.setColor(Color.DARK_GRAY);
        g.drawString("blue: this module   orange: nginx, Varnish   grey: the server's ceilings (no cache)", 20,
                height - 14);
        g.dispose();
        ImageIO.write(image, "png", new File(args[1]));
    }
}
